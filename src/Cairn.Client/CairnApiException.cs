using System.Net;

namespace Cairn.Client;

/// <summary>
/// The server answered a request with an error. <see cref="ErrorCode"/> is MLflow's stable code
/// (<c>RESOURCE_DOES_NOT_EXIST</c>, <c>INVALID_PARAMETER_VALUE</c>, ...); <see cref="Exception.Message"/> is the server's message.
/// </summary>
public sealed class CairnApiException : Exception
{
    /// <summary>Creates an exception with an unknown status and code.</summary>
    public CairnApiException()
        : this("The Cairn server answered with an error.")
    {
    }

    /// <summary>Creates an exception with an unknown status and the code <c>INTERNAL_ERROR</c>.</summary>
    /// <param name="message">What went wrong.</param>
    public CairnApiException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates an exception with an unknown status and the code <c>INTERNAL_ERROR</c>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CairnApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorCode = "INTERNAL_ERROR";
    }

    /// <summary>Creates an exception for an error answer.</summary>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="errorCode">MLflow's error code.</param>
    /// <param name="message">The server's message.</param>
    /// <param name="requestMethod">The HTTP method of the failed request.</param>
    /// <param name="requestUri">The URI of the failed request.</param>
    public CairnApiException(HttpStatusCode statusCode, string errorCode, string message, string? requestMethod = null, Uri? requestUri = null)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RequestMethod = requestMethod;
        RequestUri = requestUri;
    }

    /// <summary>The HTTP status of the answer (0 when unknown).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>MLflow's error code, e.g. <c>RESOURCE_DOES_NOT_EXIST</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP method of the failed request, when known.</summary>
    public string? RequestMethod { get; }

    /// <summary>The URI of the failed request, when known.</summary>
    public Uri? RequestUri { get; }

    /// <summary>True when the server said the resource does not exist (<c>RESOURCE_DOES_NOT_EXIST</c>).</summary>
    public bool IsNotFound => ErrorCode == "RESOURCE_DOES_NOT_EXIST";

    /// <summary>True when the server said the resource already exists (<c>RESOURCE_ALREADY_EXISTS</c>).</summary>
    public bool IsAlreadyExists => ErrorCode == "RESOURCE_ALREADY_EXISTS";
}
