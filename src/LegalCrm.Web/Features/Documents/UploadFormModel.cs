using Microsoft.AspNetCore.Mvc.Rendering;

namespace LegalCrm.Web.Features.Documents;

/// <summary>What the shared upload form needs: where to post, one file or several, and the categories for new documents.</summary>
public sealed record UploadFormModel(string Action, bool Multiple, long MaxBytes, IEnumerable<SelectListItem>? Categories);
