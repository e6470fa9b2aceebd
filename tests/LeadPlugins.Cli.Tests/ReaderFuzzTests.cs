using System.Text;
using CsCheck;
using LeadPlugins.Cli.Output;
using LeadPlugins.Cli.Simulation;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace LeadPlugins.Cli.Tests;

/// <summary>
/// Property tests (CsCheck) for simulate's readers: random bytes, random CSV and random JSON lines go through
/// <see cref="LeadInput"/> and out through the table and JSON outputs. Whatever the input, reading ends in records or
/// an <see cref="UnusableInputException"/> (never another exception), every printed line is free of raw control
/// characters, and every JSON line parses. About 75,000 cases; the zip side is in the solution tests.
/// </summary>
[TestClass]
public sealed class ReaderFuzzTests
{
    /// <summary>Characters that break parsers and terminals: quotes, separators, line ends, C0/C1, ESC, bidi, lone surrogates, BOM.</summary>
    private static readonly char[] Nasty =
    {
        '"', '\'', ',', ';', '\t', '\n', '\r', '{', '}', '[', ']', ':', '\\', '\0', '\u0007', '\u001b', '\u009b', '\u007f',
        '\u202e', '\u2066', '\u2028', '\ud800', '\udc00', '\ufeff', 'é', '€', 'a', 'Z', '0', ' ',
    };

    private static readonly Gen<string> NastyText = Gen.Frequency(
        (3, Gen.String[Gen.OneOfConst(Nasty), 0, 24]),
        (1, Gen.String[Gen.Char, 0, 40]));

    private static readonly string[] LeadColumns = Repo.Environment.Values.Table("lead").Columns.Keys.OrderBy(k => k, StringComparer.Ordinal).Take(60).ToArray();

    private static readonly Gen<string> ColumnName = Gen.Frequency(
        (4, Gen.OneOfConst(LeadColumns)),
        (1, Gen.OneOfConst("UserDetails", "LeadSource", "ActionCode", "OfferTitle", "FirstName", "Email")),
        (1, NastyText));

    /// <summary>Reads the whole input as simulate does and prints what it can; returns the printed lines.</summary>
    private static void ReadAndPrint(TextReader text, InputFormat format)
    {
        var table = new StringWriter();
        var error = new StringWriter();
        var json = new StringWriter();
        var tableOutput = new TableOutput(Console(table, 80), Console(error, 80), verbose: false);
        var jsonOutput = new JsonLinesOutput(json, verbose: false);
        try
        {
            foreach (var record in new LeadInput(Repo.Environment.Values).Read(text, format))
            {
                if (record.Lead == null)
                {
                    tableOutput.Rejected(record.Line, record.Error ?? "?");
                    jsonOutput.Rejected(record.Line, record.Error ?? "?");
                    continue;
                }
                var lead = new SimulatedLead
                {
                    Input = record.Line,
                    Name = record.Lead.GetAttributeValue<object>("firstname")?.ToString(),
                    Email = record.Lead.GetAttributeValue<object>("emailaddress1")?.ToString(),
                    OfferTitle = record.Lead.GetAttributeValue<object>("subject")?.ToString(),
                    Owner = record.Lead.GetAttributeValue<object>("companyname")?.ToString(),
                    Notes = record.Notes,
                };
                tableOutput.Lead(lead);
                jsonOutput.Lead(lead);
            }
            tableOutput.Flush();
        }
        catch (UnusableInputException e)
        {
            CliErrors.Print(Console(error, 80), CliErrors.OneLine(e.Message));
        }
        foreach (var line in (table + "\n" + error).Split('\n'))
            if (SafeText.HasUnsafeCharacters(line.TrimEnd('\r'))) throw new AssertFailedException("raw control character in: " + line);
        foreach (var line in json.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            JToken.Parse(line);
    }

    private static IAnsiConsole Console(TextWriter writer, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No });
        console.Profile.Width = width;
        return console;
    }

    private static readonly Gen<InputFormat> AnyFormat = Gen.OneOfConst(Enum.GetValues<InputFormat>());

    [TestMethod]
    public void Random_bytes_in_any_format_never_crash_the_readers()
        => Gen.Select(Gen.Byte.Array[0, 600], AnyFormat).Sample((bytes, format) =>
            ReadAndPrint(new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true), format),
            iter: 25_000);

    [TestMethod]
    public void Random_csv_never_crashes_the_reader()
    {
        var header = Gen.Frequency((5, ColumnName), (1, Gen.Const(""))).Array[1, 8];
        var field = Gen.Frequency((3, NastyText), (1, NastyText.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")));
        var csv = Gen.Select(header, field.Array[0, 9].Array[0, 6], Gen.OneOfConst(",", ";", "\t"), Gen.OneOfConst("\n", "\r\n", "\r"),
            (names, rows, separator, newline) => string.Join(separator, names) + newline + string.Join(newline, rows.Select(r => string.Join(separator, r))));
        csv.Sample(text => ReadAndPrint(new StringReader(text), InputFormat.Csv), iter: 25_000);
    }

    [TestMethod]
    public void Random_json_lines_never_crash_the_readers()
    {
        var scalar = Gen.OneOf<JToken>(NastyText.Select(t => (JToken)new JValue(t)), Gen.Long.Select(n => (JToken)new JValue(n)),
            Gen.Double.Select(d => (JToken)new JValue(d)), Gen.Bool.Select(b => (JToken)new JValue(b)), Gen.Const<JToken>(JValue.CreateNull()));
        var value = Gen.Frequency((6, scalar), (1, scalar.Array[0, 3].Select(a => (JToken)new JArray(a))),
            (1, Gen.Select(ColumnName, scalar).Array[0, 3].Select(p => (JToken)Object(p))));
        var line = Gen.Select(Gen.Select(ColumnName, value).Array[0, 8], Gen.Int[0, 9], Gen.Int[0, 1000], (properties, damage, at) =>
        {
            var text = Object(properties).ToString(Newtonsoft.Json.Formatting.None);
            // Most lines are valid JSON; some are cut, spliced or not objects at all.
            return damage switch
            {
                0 => text[..Math.Min(text.Length, at % (text.Length + 1))],
                1 => text.Insert(at % (text.Length + 1), "\u001b[2J\""),
                2 => "[" + text + "]",
                _ => text,
            };
        });
        var file = Gen.Select(line.Array[1, 6], Gen.OneOfConst(InputFormat.Auto, InputFormat.Payload, InputFormat.Rows),
            (lines, format) => (Text: string.Join("\n", lines), Format: format));
        file.Sample(f => ReadAndPrint(new StringReader(f.Text), f.Format), iter: 25_000);
    }

    private static JObject Object(IEnumerable<(string Key, JToken Value)> properties)
    {
        var json = new JObject();
        foreach (var (key, value) in properties) json[key] = value;
        return json;
    }
}
