namespace Cairn.Core.Errors;

/// <summary>
/// The one error type of the domain: a stable <see cref="Code"/> plus a message for humans that names
/// the field and the rule. The server maps the code to an HTTP status in one place.
/// </summary>
public sealed class CairnException : Exception
{
    public CairnException(string code, string message)
        : base(message) => Code = code;

    public CairnException(string code, string message, Exception inner)
        : base(message, inner) => Code = code;

    public string Code { get; }

    public static CairnException InvalidParameter(string message) => new(ErrorCode.InvalidParameterValue, message);

    public static CairnException NotFound(string message) => new(ErrorCode.ResourceDoesNotExist, message);

    public static CairnException AlreadyExists(string message) => new(ErrorCode.ResourceAlreadyExists, message);

    public static CairnException MissingParameter(string field) =>
        new(ErrorCode.InvalidParameterValue,
            $"Missing value for required parameter '{field}'. See the API docs for more information about request parameters.");
}
