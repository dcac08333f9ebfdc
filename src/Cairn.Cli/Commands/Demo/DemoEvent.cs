using System.Text.Json.Nodes;

namespace Cairn.Cli.Commands.Demo;

/// <summary>
/// One line of the demo's timeline. <paramref name="Kind"/> is a stable machine key (tests and <c>--json</c>
/// readers switch on it); <paramref name="Message"/> is for people; <paramref name="Data"/> holds the key numbers.
/// </summary>
/// <param name="Time">Wall-clock time (UTC).</param>
/// <param name="Elapsed">Since the demo started.</param>
/// <param name="Day">The replayed day, when the event belongs to the replay.</param>
/// <param name="Phase">train, deploy, holdout, traffic, monitor, retrain, rollout, worse, explore.</param>
/// <param name="Kind">What happened, e.g. <c>drift_detected</c>.</param>
/// <param name="Message">One sentence a newcomer can follow.</param>
/// <param name="Data">Key numbers (drift share, accuracy, decisions with their numbers).</param>
internal sealed record DemoEvent(DateTimeOffset Time, TimeSpan Elapsed, DateOnly? Day, string Phase, string Kind, string Message, JsonObject Data);
