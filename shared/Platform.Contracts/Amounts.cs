namespace Platform.Contracts;

/// <summary>
/// The largest amount (万元) one record may carry: 10,000,000 万元 = 1,000 亿元, beyond any one project, deal or
/// application. The APIs and imports refuse more, and consumers refuse events carrying more
/// (Messaging:MaxAmount defaults to it), so nothing a service accepts is later dead-lettered by another.
/// </summary>
public static class Amounts
{
    public const decimal MaxPerRecord = 10_000_000m;
}
