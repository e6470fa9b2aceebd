using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Writes one compact JSON object into a reused <see cref="StringBuilder"/>, byte for byte as Newtonsoft's
/// <c>JsonTextWriter</c> with <c>Formatting.None</c> and default escaping writes it (tests compare the two).
/// The output thread of simulate --json spent half its time in Newtonsoft's character-by-character escaping and
/// its writer state machine; this one finds the characters to escape with a vectorised search. Property names are
/// the writer's code's own literals, written as given (searching them cost a quarter of the time); a name that comes
/// from data goes through <see cref="PropertyNamedByData"/>.
/// </summary>
public sealed class JsonLineWriter
{
    // Printable ASCII but the quote and the backslash: written as is. Of the rest, Newtonsoft escapes control
    // characters and three line separators; a search for what is not plain ASCII stays vectorised (a set holding
    // those separators took a slower, probabilistic search).
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(
        Enumerable.Range(' ', '~' - ' ' + 1).Select(code => (char)code).Where(character => character is not ('"' or '\\')).ToArray());

    private readonly StringBuilder _text = new();
    private bool _afterValue;

    /// <summary>The text written since the last <see cref="Clear"/>.</summary>
    public StringBuilder Text => _text;

    public void Clear()
    {
        _text.Clear();
        _afterValue = false;
    }

    public void StartObject() => Open('{');

    public void EndObject() => Close('}');

    /// <summary>Starts an array as the value of property <paramref name="name"/>.</summary>
    public void StartArray(string name)
    {
        PropertyName(name);
        Open('[');
    }

    /// <summary>Starts an object as the value of property <paramref name="name"/>.</summary>
    public void StartObject(string name)
    {
        PropertyName(name);
        Open('{');
    }

    public void EndArray() => Close(']');

    public void Property(string name, string? value)
    {
        PropertyName(name);
        if (value is null) _text.Append("null");
        else QuotedString(value);
        _afterValue = true;
    }

    public void Property(string name, int? value)
    {
        PropertyName(name);
        if (value is null) _text.Append("null");
        else _text.Append(CultureInfo.InvariantCulture, $"{value.Value}");
        _afterValue = true;
    }

    /// <summary>An int property whose name comes from data, so it is escaped like a value.</summary>
    public void PropertyNamedByData(string name, int value)
    {
        Separate();
        QuotedString(name);
        _text.Append(':').Append(CultureInfo.InvariantCulture, $"{value}");
        _afterValue = true;
    }

    public void Property(string name, bool? value)
    {
        PropertyName(name);
        _text.Append(value is null ? "null" : value.Value ? "true" : "false");
        _afterValue = true;
    }

    /// <summary>A Guid as its "D" string (hex digits and dashes need no escaping).</summary>
    public void Property(string name, Guid? value)
    {
        PropertyName(name);
        if (value is null) _text.Append("null");
        else _text.Append('"').Append(CultureInfo.InvariantCulture, $"{value.Value:D}").Append('"');
        _afterValue = true;
    }

    /// <summary>A UTC time as "yyyy-MM-ddTHH:mm:ssZ" (the sortable "s" format plus Z, without building a string).</summary>
    public void Property(string name, DateTime? value)
    {
        PropertyName(name);
        if (value is null) _text.Append("null");
        else _text.Append('"').Append(CultureInfo.InvariantCulture, $"{value.Value:s}").Append("Z\"");
        _afterValue = true;
    }

    /// <summary>A string as an element of the array being written.</summary>
    public void Element(string? value)
    {
        Separate();
        if (value is null) _text.Append("null");
        else QuotedString(value);
        _afterValue = true;
    }

    /// <summary>A name that needs no escaping (printable ASCII without quotes or backslashes).</summary>
    private void PropertyName(string name)
    {
        Debug.Assert(!name.AsSpan().ContainsAnyExcept(PlainAscii), "property names given in code need no escaping");
        Separate();
        _text.Append('"').Append(name).Append("\":");
        _afterValue = false;
    }

    private void Open(char bracket)
    {
        Separate();
        _text.Append(bracket);
        _afterValue = false;
    }

    private void Close(char bracket)
    {
        _text.Append(bracket);
        _afterValue = true;
    }

    private void Separate()
    {
        if (_afterValue) _text.Append(',');
    }

    private void QuotedString(string value)
    {
        _text.Append('"');
        var rest = value.AsSpan();
        for (var next = rest.IndexOfAnyExcept(PlainAscii); next >= 0; next = rest.IndexOfAnyExcept(PlainAscii))
        {
            _text.Append(rest[..next]);
            NotPlainCharacter(rest[next]);
            rest = rest[(next + 1)..];
        }
        _text.Append(rest).Append('"');
    }

    /// <summary>A character outside plain ASCII: escaped where Newtonsoft escapes it, else as is.</summary>
    private void NotPlainCharacter(char character)
    {
        switch (character)
        {
            case '"': _text.Append("\\\""); break;
            case '\\': _text.Append("\\\\"); break;
            case '\n': _text.Append("\\n"); break;
            case '\r': _text.Append("\\r"); break;
            case '\t': _text.Append("\\t"); break;
            case '\f': _text.Append("\\f"); break;
            case '\b': _text.Append("\\b"); break;
            case < ' ' or '\u0085' or '\u2028' or '\u2029': _text.Append(CultureInfo.InvariantCulture, $"\\u{(int)character:x4}"); break;
            default: _text.Append(character); break;
        }
    }
}
