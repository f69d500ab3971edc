using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LegalCrm.Web.Infrastructure.Pdf;

/// <summary>
/// A plain A4 document written top to bottom: headings, paragraphs and label–value fields, with words wrapped to the
/// width and a new page when one is full; every page gets a footer ("page 2 of 5") when the document is saved. Text is
/// drawn as text, so the PDF can be searched and read by a screen reader or a PDF text extractor.
/// </summary>
public sealed class PdfFlow : IDisposable
{
    private const double Margin = 56;
    private const double FooterSpace = 36;
    private const double LabelWidth = 170;

    private readonly PdfDocument _document = new();
    private readonly XFont _body;
    private readonly XFont _bold;
    private readonly XFont _small;
    private XGraphics _page = null!;
    private double _y;

    public PdfFlow(string title, string author)
    {
        PdfFonts.EnsureRegistered();
        _document.Info.Title = title;
        _document.Info.Author = author;
        _body = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Regular);
        _bold = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Bold);
        _small = new XFont(PdfFonts.Family, 7.5, XFontStyleEx.Regular);
        NewPage();
    }

    private double Width => _page.PageSize.Width - 2 * Margin;

    public void Heading(string text, double size = 16)
    {
        var font = new XFont(PdfFonts.Family, size, XFontStyleEx.Bold);
        Space(size * 0.6);
        Lines(text, font, Margin, Width, keepWith: 3);
        Space(size * 0.3);
    }

    public void Paragraph(string text, bool bold = false, bool small = false) => Lines(text, small ? _small : bold ? _bold : _body, Margin, Width);

    /// <summary>A label in the left column and its (wrapped) value beside it; "—" for an empty value.</summary>
    public void Field(string label, string? value)
    {
        var labelLines = Wrap(label, _bold, LabelWidth - 8);
        var valueLines = Wrap(string.IsNullOrWhiteSpace(value) ? "—" : value, _body, Width - LabelWidth);
        var height = Math.Max(labelLines.Count, valueLines.Count) * LineHeight(_body);
        EnsureRoom(Math.Min(height, LineHeight(_body) * 3));
        var top = _y;
        Draw(labelLines, _bold, Margin);
        var labelBottom = _y;
        _y = top;
        Draw(valueLines, _body, Margin + LabelWidth);
        _y = Math.Max(_y, labelBottom) + 2;
    }

    public void Rule()
    {
        Space(4);
        _page.DrawLine(XPens.LightGray, Margin, _y, Margin + Width, _y);
        Space(6);
    }

    public void Space(double points)
    {
        _y += points;
        if (_y > _page.PageSize.Height - Margin - FooterSpace)
        {
            NewPage();
        }
    }

    /// <summary>Starts the next item on a new page when less than this much room is left.</summary>
    public void EnsureRoom(double points)
    {
        if (_y + points > _page.PageSize.Height - Margin - FooterSpace)
        {
            NewPage();
        }
    }

    /// <summary>Adds the footers ("{footer} · page 1 of 3", page text given with {0} and {1}) and writes the PDF.</summary>
    public void Save(Stream output, string footer, string pageOfPages)
    {
        _page.Dispose();
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = footer + " · " + string.Format(System.Globalization.CultureInfo.CurrentCulture, pageOfPages, i + 1, count);
            graphics.DrawString(text, _small, XBrushes.Gray, new XRect(Margin, page.Height.Point - Margin, page.Width.Point - 2 * Margin, 12), XStringFormats.TopLeft);
        }

        _document.Save(output, closeStream: false);
    }

    public void Dispose()
    {
        _page.Dispose();
        _document.Dispose();
    }

    private void NewPage()
    {
        _page?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _page = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private void Lines(string text, XFont font, double x, double width, int keepWith = 1)
    {
        var lines = Wrap(text, font, width);
        EnsureRoom(LineHeight(font) * Math.Min(lines.Count + keepWith - 1, 6));
        Draw(lines, font, x);
    }

    private void Draw(IReadOnlyList<string> lines, XFont font, double x)
    {
        foreach (var line in lines)
        {
            EnsureRoom(LineHeight(font));
            _page.DrawString(line, font, XBrushes.Black, new XRect(x, _y, Width, LineHeight(font)), XStringFormats.TopLeft);
            _y += LineHeight(font);
        }
    }

    private static double LineHeight(XFont font) => font.Size * 1.35;

    /// <summary>Splits text into lines that fit the width: at spaces, at line breaks, and inside a word longer than a line.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (_page.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (_page.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && _page.MeasureString(line[..fit], font).Width > width)
                    {
                        fit--;
                    }

                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }
}
