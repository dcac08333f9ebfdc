namespace Cairn.Cli;

/// <summary>The process exit codes of <c>cairn</c>; scripts rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The server (or the API) reported an error.</summary>
    public const int ApiError = 1;

    /// <summary>The command line or an option value is invalid.</summary>
    public const int Usage = 2;

    /// <summary>The server cannot be reached.</summary>
    public const int Unreachable = 3;

    /// <summary>Interrupted by Ctrl+C (128 + SIGINT).</summary>
    public const int Canceled = 130;
}
