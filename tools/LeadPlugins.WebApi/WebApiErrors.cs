using System.Globalization;
using System.Net;
using System.ServiceModel;
using System.Text.Json;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.WebApi;

/// <summary>Web API error bodies ({"error":{"code":"0x80040217","message":"..."}}) as the SDK's faults.</summary>
public static class WebApiErrors
{
    /// <summary>-2147220969 -> "0x80040217", the form the Web API uses.</summary>
    public static string ToHex(int errorCode) => "0x" + unchecked((uint)errorCode).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>"0x80040217" -> -2147220969; null when the code is not hexadecimal.</summary>
    public static int? FromHex(string? code)
    {
        if (code == null) return null;
        var digits = code.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? code[2..] : code;
        return uint.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) ? unchecked((int)value) : null;
    }

    /// <summary>Reads an error body; a body that is not the Web API's error JSON gives the status line instead.</summary>
    public static FaultException<OrganizationServiceFault> ToFault(HttpStatusCode status, string? body, string? context = null)
    {
        string? code = null, message = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    if (error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String) code = c.GetString();
                    if (error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String) message = m.GetString();
                }
            }
            catch (JsonException)
            {
                // Not JSON (a gateway's HTML page): the status line says enough.
            }
        }
        message ??= "HTTP " + (int)status + " " + status;
        var fault = new OrganizationServiceFault { ErrorCode = FromHex(code) ?? 0, Message = message };
        if (code != null) fault.ErrorDetails["HexCode"] = code;
        fault.ErrorDetails["HttpStatusCode"] = (int)status;
        var reason = context == null ? message : context + message;
        return new FaultException<OrganizationServiceFault>(fault, new FaultReason(reason));
    }
}
