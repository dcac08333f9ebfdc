using System.Net;
using System.Net.Http.Headers;
using Cairn.Client.Internal;

namespace Cairn.Client.Tests.Internal;

public sealed class RetryPolicyTests
{
    private static readonly CairnClientOptions Options = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(30) };
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    public void IsRetryable_OnlySlowDownAndUnavailable(HttpStatusCode status, bool expected)
    {
        Assert.Equal(expected, RetryPolicy.IsRetryable(status));
    }

    [Fact]
    public void GetDelay_RetryAfterSeconds_IsHonoured()
    {
        var delay = RetryPolicy.GetDelay(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), attempt: 0, Options, Now, jitter: 1);

        Assert.Equal(TimeSpan.FromSeconds(7), delay);
    }

    [Fact]
    public void GetDelay_RetryAfterDate_IsMeasuredFromNow()
    {
        var delay = RetryPolicy.GetDelay(new RetryConditionHeaderValue(Now.AddSeconds(12)), attempt: 3, Options, Now, jitter: 0);

        Assert.Equal(TimeSpan.FromSeconds(12), delay);
    }

    [Fact]
    public void GetDelay_RetryAfterBeyondTheCap_IsCapped()
    {
        var delay = RetryPolicy.GetDelay(new RetryConditionHeaderValue(TimeSpan.FromHours(1)), attempt: 0, Options, Now, jitter: 0);

        Assert.Equal(TimeSpan.FromSeconds(30), delay);
    }

    [Fact]
    public void GetDelay_WithoutRetryAfter_DoublesPerAttemptWithBoundedJitter()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(100), RetryPolicy.GetDelay(null, 0, Options, Now, jitter: 0));
        Assert.Equal(TimeSpan.FromMilliseconds(400), RetryPolicy.GetDelay(null, 2, Options, Now, jitter: 0));
        Assert.Equal(TimeSpan.FromMilliseconds(500), RetryPolicy.GetDelay(null, 2, Options, Now, jitter: 1));
    }
}
