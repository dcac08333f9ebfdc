namespace Cairn.Data.Validation;

/// <summary>An error fails the validation; a warning is reported but passes.</summary>
public enum Severity
{
    Error,
    Warning,
}
