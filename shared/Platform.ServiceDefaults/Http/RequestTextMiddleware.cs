using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// The request checks that are not about JSON: query strings and route values carry only text PostgreSQL can store
/// (<see cref="RequestText"/>), a body's charset is one we can decode (else 415), and a form is read through
/// <see cref="CheckedFormFeature"/>, so a broken multipart body or a NUL in a form field is a 400 wherever it is read.
/// </summary>
public sealed class RequestTextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        foreach (var (name, values) in request.Query)
        {
            if (RequestText.Refusal(name) is { } nameRefusal) throw Refused("query parameter name", name, nameRefusal);
            foreach (var value in values)
                if (RequestText.Refusal(value) is { } why) throw Refused("query parameter", name, why);
        }
        foreach (var (name, value) in request.RouteValues)
            if (value is string text && RequestText.Refusal(text) is { } why) throw Refused("path segment", name, why);

        if (request.ContentType is { } contentType && MediaTypeHeaderValue.TryParse(contentType, out var media) && media.Charset.HasValue
            && !KnownEncoding(media.Charset.Value!))
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"The charset '{media.Charset.Value}' of the request body is not one this service can read; send UTF-8.");

        if (context.Features.Get<IFormFeature>() is not CheckedFormFeature)
        {
            var options = context.RequestServices.GetService<IOptions<FormOptions>>()?.Value ?? new FormOptions();
            context.Features.Set<IFormFeature>(new CheckedFormFeature(context.Features.Get<IFormFeature>() ?? new FormFeature(request, options)));
        }
        await next(context);
    }

    static ProblemException Refused(string what, string name, string why) =>
        ProblemException.BadRequest(RequestText.InvalidCharacter, $"The {what} '{Printable(name)}' {why}.", Printable(name));

    static string Printable(string text) => text.Replace("\0", "\\0");

    static bool KnownEncoding(string charset)
    {
        try
        {
            Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>
/// The form as the framework reads it, with one answer for a body that is not the form it claims to be: a missing or
/// wrong boundary, a truncated or over-limit multipart body, a url-encoded body under a multipart type (the readers throw
/// InvalidDataException or IOException, which used to be 500s) is 400 <c>malformed_form</c>; a field, a field name or a
/// file name that PostgreSQL could not store is 400 <c>invalid_character</c>.
/// </summary>
sealed class CheckedFormFeature(IFormFeature inner) : IFormFeature
{
    public bool HasFormContentType => inner.HasFormContentType;

    public IFormCollection? Form
    {
        get => inner.Form;
        set => inner.Form = value;
    }

    public IFormCollection ReadForm()
    {
        try { return Checked(inner.ReadForm()); }
        catch (Exception e) when (e is InvalidDataException or IOException) { throw Malformed(e); }
    }

    public async Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken)
    {
        try { return Checked(await inner.ReadFormAsync(cancellationToken)); }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested) { throw Malformed(e); }
    }

    static ProblemException Malformed(Exception e) =>
        ProblemException.BadRequest("malformed_form", $"The request body is not a readable form: {e.Message}");

    static IFormCollection Checked(IFormCollection form)
    {
        foreach (var (name, values) in form)
        {
            if (RequestText.Refusal(name) is { } nameRefusal) throw Refused("form field name", name, nameRefusal);
            foreach (var value in values)
                if (RequestText.Refusal(value) is { } why) throw Refused("form field", name, why);
        }
        foreach (var file in form.Files)
        {
            if (RequestText.Refusal(file.Name) is { } nameRefusal) throw Refused("form field name", file.Name, nameRefusal);
            if (RequestText.Refusal(file.FileName) is { } why) throw Refused("file name of form field", file.Name, why);
        }
        return form;
    }

    static ProblemException Refused(string what, string name, string why) =>
        ProblemException.BadRequest(RequestText.InvalidCharacter, $"The {what} '{name.Replace("\0", "\\0")}' {why}.", name.Replace("\0", "\\0"));
}
