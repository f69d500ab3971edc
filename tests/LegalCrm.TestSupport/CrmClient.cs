using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace LegalCrm.TestSupport;

/// <summary>An HTTP client that browses like a person: reads forms (with their antiforgery token) from the page and posts them.</summary>
public sealed class CrmClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<IDocument> GetDocumentAsync(string url)
    {
        var response = await GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html));
    }

    /// <summary>Fills the form on <paramref name="url"/> (the one whose action/handler matches, or the first) and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IDictionary<string, string> fields, string? handler = null, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var page = await GetDocumentAsync(url);
        // Without a handler: the page's own post form, not a search (GET) or another handler's form before it.
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form")
            .Where(f => !string.Equals(f.GetAttribute("method"), "get", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(f => handler is null
                ? !(f.GetAttribute("action") ?? string.Empty).Contains("handler=", StringComparison.OrdinalIgnoreCase)
                : (f.GetAttribute("action") ?? string.Empty).Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form{(handler is null ? string.Empty : " for " + handler)} on {url}");
        return await PostFormAsync(form, url, fields, extra);
    }

    public async Task<HttpResponseMessage> PostFormAsync(IHtmlFormElement form, string pageUrl, IDictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (fields.ContainsKey(input.Name!) || input.Type is "checkbox" or "submit")
            {
                continue;
            }

            values.Add(new(input.Name!, input.Value));
        }

        // As a browser does: a select sends its selected (or first) option, a textarea its text.
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]").Where(s => !fields.ContainsKey(s.Name!)))
        {
            var option = select.SelectedOptions.Length > 0 ? select.SelectedOptions[0] : select.Options.Length > 0 ? select.Options[0] : null;
            if (option is not null)
            {
                values.Add(new(select.Name!, option.Value));
            }
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]").Where(t => !fields.ContainsKey(t.Name!)))
        {
            values.Add(new(area.Name!, area.Value));
        }

        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        if (extra is not null)
        {
            values.AddRange(extra);
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await http.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>Submits the upload form on <paramref name="url"/> as multipart/form-data with one file.</summary>
    public Task<HttpResponseMessage> UploadAsync(string url, string fileField, string fileName, byte[] content, IDictionary<string, string>? fields = null) =>
        UploadAsync(url, fileField, [(fileName, content)], fields);

    /// <summary>
    /// Submits the (first, or <paramref name="formSelector"/>) upload form on <paramref name="url"/> as multipart/form-data
    /// with these files, its other fields as the browser would send them.
    /// </summary>
    public async Task<HttpResponseMessage> UploadAsync(string url, string fileField, IEnumerable<(string Name, byte[] Content)> files, IDictionary<string, string>? fields = null, string formSelector = "main form[enctype='multipart/form-data']")
    {
        var page = await GetDocumentAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No upload form on {url}");
        fields ??= new Dictionary<string, string>();
        using var body = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]").Where(i => i.Type is not ("file" or "checkbox" or "submit") && !fields.ContainsKey(i.Name!)))
        {
            body.Add(new StringContent(input.Value), input.Name!);
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]").Where(s => !fields.ContainsKey(s.Name!)))
        {
            body.Add(new StringContent(select.Value ?? string.Empty), select.Name!);
        }

        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            body.Add(file, fileField, name);
        }

        var action = form.GetAttribute("action");
        return await http.PostAsync(new Uri(string.IsNullOrEmpty(action) ? url : action, UriKind.Relative), body);
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public void Dispose() => http.Dispose();
}
