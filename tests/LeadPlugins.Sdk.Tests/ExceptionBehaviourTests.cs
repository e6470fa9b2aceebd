using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Sdk.Tests;

/// <summary>InvalidPluginExecutionException: what each constructor puts into Status, ErrorCode, HttpStatus, ExceptionDetails.</summary>
[TestClass]
public sealed class ExceptionBehaviourTests
{
    /// <summary>
    /// ErrorCode is the exception's HResult: COR_E_EXCEPTION (0x80131500, System.Exception's default) unless a constructor
    /// takes an errorCode (observed on Microsoft.Xrm.Sdk 9.0.2.56).
    /// </summary>
    private const int DefaultErrorCode = unchecked((int)0x80131500);

    [TestMethod]
    public void Message_constructor_defaults_to_Failed_and_the_default_HResult()
    {
        var e = new InvalidPluginExecutionException("Lead rejected.");
        Assert.AreEqual("Lead rejected.", e.Message);
        Assert.AreEqual(OperationStatus.Failed, e.Status);
        Assert.AreEqual(DefaultErrorCode, e.ErrorCode);
        Assert.AreEqual(PluginHttpStatusCode.NotSet, e.HttpStatus);
        Assert.IsNotNull(e.ExceptionDetails);
        Assert.AreEqual(0, e.ExceptionDetails.Count);
        Assert.IsNull(e.InnerException);
    }

    [TestMethod]
    public void Parameterless_and_status_constructors()
    {
        var plain = new InvalidPluginExecutionException();
        Assert.AreEqual(OperationStatus.Failed, plain.Status);
        Assert.AreEqual(DefaultErrorCode, plain.ErrorCode);
        Assert.AreEqual("Exception of type 'Microsoft.Xrm.Sdk.InvalidPluginExecutionException' was thrown.", plain.Message);

        var retry = new InvalidPluginExecutionException(OperationStatus.Retry);
        Assert.AreEqual(OperationStatus.Retry, retry.Status);
        Assert.AreEqual(DefaultErrorCode, retry.ErrorCode);
        Assert.AreEqual(string.Empty, retry.Message, "the status-only constructor passes an empty message");

        var suspended = new InvalidPluginExecutionException(OperationStatus.Suspended, "later");
        Assert.AreEqual(OperationStatus.Suspended, suspended.Status);
        Assert.AreEqual("later", suspended.Message);
    }

    [TestMethod]
    public void Inner_exception_constructor()
    {
        var inner = new TimeoutException("slow");
        var e = new InvalidPluginExecutionException("wrapped", inner);
        Assert.AreSame(inner, e.InnerException);
        Assert.AreEqual(OperationStatus.Failed, e.Status);
        Assert.AreEqual(DefaultErrorCode, e.ErrorCode);
        Assert.AreEqual(PluginHttpStatusCode.NotSet, e.HttpStatus);
    }

    [TestMethod]
    public void Error_code_and_http_status_constructors()
    {
        var coded = new InvalidPluginExecutionException(OperationStatus.Canceled, 12345, "coded");
        Assert.AreEqual(OperationStatus.Canceled, coded.Status);
        Assert.AreEqual(12345, coded.ErrorCode);
        Assert.AreEqual(12345, coded.HResult, "ErrorCode is the HResult");
        Assert.AreEqual(PluginHttpStatusCode.NotSet, coded.HttpStatus);

        var http = new InvalidPluginExecutionException("conflict", PluginHttpStatusCode.Conflict);
        Assert.AreEqual(PluginHttpStatusCode.Conflict, http.HttpStatus);
        Assert.AreEqual(OperationStatus.Failed, http.Status);
        Assert.AreEqual(DefaultErrorCode, http.ErrorCode);

        var all = new InvalidPluginExecutionException(OperationStatus.Failed, 7, "all", PluginHttpStatusCode.TooManyRequests);
        Assert.AreEqual(7, all.ErrorCode);
        Assert.AreEqual(PluginHttpStatusCode.TooManyRequests, all.HttpStatus);
        Assert.AreEqual("all", all.Message);
    }

    [TestMethod]
    public void Exception_details_constructors_expose_the_details()
    {
        var details = new Dictionary<string, string> { ["reason"] = "duplicate" };

        var a = new InvalidPluginExecutionException("a", details);
        Assert.AreEqual("duplicate", a.ExceptionDetails["reason"]);
        Assert.AreEqual(OperationStatus.Failed, a.Status);

        var b = new InvalidPluginExecutionException("b", PluginHttpStatusCode.BadRequest, details);
        Assert.AreEqual(PluginHttpStatusCode.BadRequest, b.HttpStatus);
        Assert.AreEqual("duplicate", b.ExceptionDetails["reason"]);

        var c = new InvalidPluginExecutionException(OperationStatus.Canceled, "c", details);
        Assert.AreEqual(OperationStatus.Canceled, c.Status);
        Assert.HasCount(1, c.ExceptionDetails);

        details["mpl_more"] = "later";
        Assert.AreEqual("later", a.ExceptionDetails["mpl_more"], "the dictionary handed in is kept, not copied");

        var none = new InvalidPluginExecutionException("none", (Dictionary<string, string>)null!);
        Assert.IsNull(none.ExceptionDetails, "a null dictionary is kept as null");
    }

    [TestMethod]
    public void ToString_lists_status_http_status_inner_exception_and_details_but_not_the_message()
    {
        var nl = Environment.NewLine;
        Assert.AreEqual($"_status: Failed{nl}_httpStatusCode: NotSet{nl}", new InvalidPluginExecutionException("Lead rejected.").ToString());
        Assert.AreEqual($"_status: Canceled{nl}_httpStatusCode: Conflict{nl}",
            new InvalidPluginExecutionException(OperationStatus.Canceled, 5, "m", PluginHttpStatusCode.Conflict).ToString());
        var inner = new TimeoutException("slow");
        Assert.AreEqual($"_status: Failed{nl}_httpStatusCode: NotSet{nl}InnerException: {inner}{nl}",
            new InvalidPluginExecutionException("m", inner).ToString());
        var details = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };
        Assert.AreEqual($"_status: Failed{nl}_httpStatusCode: BadRequest{nl}Exception Details:{nl}a: 1{nl}b: 2{nl}",
            new InvalidPluginExecutionException("m", PluginHttpStatusCode.BadRequest, details).ToString());
        Assert.AreEqual($"_status: Failed{nl}_httpStatusCode: NotSet{nl}",
            new InvalidPluginExecutionException("m", new Dictionary<string, string>()).ToString(), "no header for empty details");
    }
}
