using System.Net;
using System.Text.Json;

namespace Cairn.Server.Tests.Registry;

/// <summary>A status and the parsed JSON body of one MLflow API answer.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonElement Body)
{
    public string ErrorCode => Body.GetProperty("error_code").GetString()!;

    public string Message => Body.GetProperty("message").GetString()!;

    public JsonElement this[string property] => Body.GetProperty(property);

    /// <summary>Asserts a 200 and returns the body, showing the error body when it is not.</summary>
    public JsonElement Ok()
    {
        Assert.True(Status == HttpStatusCode.OK, $"expected 200, got {(int)Status}: {Body}");
        return Body;
    }

    /// <summary>Asserts an MLflow error with this status and code, and returns its message.</summary>
    public string Error(HttpStatusCode status, string code)
    {
        Assert.True(Status == status, $"expected {(int)status}, got {(int)Status}: {Body}");
        Assert.Equal(code, ErrorCode);
        return Message;
    }
}
