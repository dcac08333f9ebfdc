namespace Cairn.Cli;

/// <summary>A usage error found while a command runs (exit code 2), e.g. a malformed <c>key=value</c>.</summary>
public sealed class CliUsageException(string message) : Exception(message);
