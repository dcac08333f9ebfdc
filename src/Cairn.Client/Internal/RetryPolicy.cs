using System.Net;
using System.Net.Http.Headers;

namespace Cairn.Client.Internal;

/// <summary>
/// Which answers are worth another try and how long to wait. Only "slow down" (429) and "come back later"
/// (503) are retried: any other 4xx is the caller's mistake and would fail again the same way.
/// </summary>
internal static class RetryPolicy
{
    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    /// <summary>The server's <c>Retry-After</c> wins; otherwise exponential backoff with up to 25 % jitter.</summary>
    public static TimeSpan GetDelay(RetryConditionHeaderValue? retryAfter, int attempt, CairnClientOptions options, DateTimeOffset now, double jitter)
    {
        TimeSpan delay;
        if (retryAfter?.Delta is { } delta)
        {
            delay = delta;
        }
        else if (retryAfter?.Date is { } date)
        {
            delay = date - now;
        }
        else
        {
            var backoff = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
            delay = TimeSpan.FromMilliseconds(backoff * (1 + (0.25 * jitter)));
        }

        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }
}
