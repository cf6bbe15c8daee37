namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// Says what one library's exceptions mean to the caller, so <see cref="ExceptionToProblem"/> answers them without
/// referencing that library (the database's: <c>Platform.Data.DatabaseExceptions</c>).
/// </summary>
public interface IExceptionClassifier
{
    /// <summary>The answer for <paramref name="exception"/>, or null when it is none of this library's.</summary>
    ExceptionToProblem.Answer? Classify(Exception exception);
}
