namespace LeadPlugins.Emulator;

/// <summary>A request the emulator refuses with the Web API's error JSON.</summary>
internal sealed class EmulatorRequestException : Exception
{
    public EmulatorRequestException(int status, string code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }
    public string Code { get; }
}
