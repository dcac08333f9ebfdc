using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Threading.Channels;
using Cairn.Core.Serving;
using Microsoft.Extensions.Options;

namespace Cairn.Serving.PredictionLog;

/// <summary>
/// The write side of the prediction log: sampling, redaction and a bounded in-memory buffer. The hot
/// path pays a hash, a dictionary lookup and a channel write; storage is the
/// <see cref="PredictionLogWriter"/>'s job. Redacted fields are dropped from the record (not nulled),
/// so no trace of them — not even whether they were present — reaches disk.
/// </summary>
public sealed class PredictionLog : IPredictionLog
{
    private readonly Channel<PredictionRecord> _channel;
    private readonly PredictionLogOptions _options;
    private readonly ConcurrentDictionary<string, Policy> _policies = new(StringComparer.Ordinal);
    private readonly Func<string, Policy> _createPolicy;
    private long _written;
    private long _dropped;
    private long _notSampled;

    public PredictionLog(IOptions<PredictionLogOptions> options)
    {
        _options = options.Value;
        _createPolicy = CreatePolicy;
        _channel = Channel.CreateBounded<PredictionRecord>(new BoundedChannelOptions(_options.Capacity)
        {
            // Wait mode makes TryWrite answer false when full (DropWrite would report success and lose it silently).
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
    }

    public PredictionLogStats Stats => new(
        _channel.Reader.Count, Interlocked.Read(ref _written), Interlocked.Read(ref _dropped), Interlocked.Read(ref _notSampled));

    internal ChannelReader<PredictionRecord> Reader => _channel.Reader;

    internal PredictionLogOptions Options => _options;

    public bool TryRecord(PredictionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var policy = _policies.GetOrAdd(record.Deployment, _createPolicy);
        if (!PredictionSampler.IsSampled(record.RequestId, policy.SampleRate))
        {
            Interlocked.Increment(ref _notSampled);
            return false;
        }

        if (policy.Redact.Count > 0)
        {
            record = Redact(record, policy.Redact);
        }

        if (_channel.Writer.TryWrite(record))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>No record is accepted after this; the writer drains what is buffered and stops.</summary>
    internal void Complete() => _channel.Writer.TryComplete();

    internal void AddWritten(long count) => Interlocked.Add(ref _written, count);

    internal void AddDropped(long count) => Interlocked.Add(ref _dropped, count);

    private static PredictionRecord Redact(PredictionRecord record, FrozenSet<string> redact)
    {
        var hit = false;
        foreach (var key in record.Inputs.Keys)
        {
            if (redact.Contains(key))
            {
                hit = true;
                break;
            }
        }

        if (!hit)
        {
            return record;
        }

        var kept = new Dictionary<string, object?>(record.Inputs.Count, StringComparer.Ordinal);
        foreach (var (key, value) in record.Inputs)
        {
            if (!redact.Contains(key))
            {
                kept[key] = value;
            }
        }

        return record with { Inputs = kept };
    }

    private Policy CreatePolicy(string deployment)
    {
        if (!_options.Enabled)
        {
            return new Policy(0, FrozenSet<string>.Empty);
        }

        _options.Deployments.TryGetValue(deployment, out var overrides);
        var redact = _options.RedactFields.Concat(overrides?.RedactFields ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        return new Policy(overrides?.SampleRate ?? _options.SampleRate, redact);
    }

    private sealed record Policy(double SampleRate, FrozenSet<string> Redact);
}
