using LeadPlugins.Cli.Output;

namespace LeadPlugins.Cli.Tests;

[TestClass]
public sealed class SafeTextTests
{
    [TestMethod]
    public void Clean_short_text_is_returned_as_the_same_instance()
    {
        var text = "Zoë Müller 👋, Contoso";
        Assert.AreSame(text, SafeText.ForDisplay(text));
    }

    [TestMethod]
    public void Null_and_empty_give_an_empty_string()
    {
        Assert.AreEqual("", SafeText.ForDisplay(null));
        Assert.AreEqual("", SafeText.ForDisplay(""));
    }

    [TestMethod]
    public void A_terminal_title_and_clear_screen_injection_becomes_visible_text()
    {
        var shown = SafeText.ForDisplay("\u001b]0;pwned\u0007\u001b[2J");
        Assert.AreEqual("\\u001B]0;pwned\\u0007\\u001B[2J", shown);
        Assert.IsFalse(SafeText.HasUnsafeCharacters(shown));
    }

    [TestMethod]
    [DataRow("a\u0000b", "a\\u0000b")]
    [DataRow("a\tb\nc\rd", "a\\tb\\nc\\rd")]
    [DataRow("a\u007fb", "a\\u007Fb")]
    [DataRow("a\u009bb", "a\\u009Bb")]          // C1 CSI
    [DataRow("abc\u202Efdp.exe", "abc\\u202Efdp.exe")]
    [DataRow("x\u2066y\u2069", "x\\u2066y\\u2069")]
    [DataRow("x\u200Fy", "x\\u200Fy")]
    [DataRow("x\u2028y", "x\\u2028y")]
    public void Unsafe_characters_become_escapes(string input, string expected)
        => Assert.AreEqual(expected, SafeText.ForDisplay(input));

    [TestMethod]
    public void Unpaired_surrogates_become_escapes()
    {
        // Built in code: attribute arguments cannot carry lone surrogates (they are stored as UTF-8).
        Assert.AreEqual("x\\uD800y", SafeText.ForDisplay("x" + (char)0xD800 + "y"));
        Assert.AreEqual("x\\uDC00", SafeText.ForDisplay("x" + (char)0xDC00));
        Assert.AreEqual("\\uDC00\\uD800", SafeText.ForDisplay(new string(new[] { (char)0xDC00, (char)0xD800 })));
    }

    [TestMethod]
    public void Long_values_are_cut_with_a_marker_counting_what_was_left_out()
    {
        var shown = SafeText.ForDisplay(new string('a', 1_000), 10);
        Assert.AreEqual("aaaaaaaaaa…[+990 chars]", shown);
    }

    [TestMethod]
    public void The_cut_counts_escapes_and_never_halves_an_escape_or_a_surrogate_pair()
    {
        Assert.AreEqual("ab…[+2 chars]", SafeText.ForDisplay("ab\u001bc", 7));
        Assert.AreEqual("ab\\u001B…[+1 chars]", SafeText.ForDisplay("ab\u001bc", 8));
        Assert.AreEqual("a…[+2 chars]", SafeText.ForDisplay("a👋", 2)); // the pair (2 UTF-16 chars) stays whole
    }

    [TestMethod]
    public void Html_is_encoded_after_sanitising()
        => Assert.AreEqual("&lt;script&gt;\\u001B&amp;&quot;", SafeText.ForHtml("<script>\u001b&\""));
}
