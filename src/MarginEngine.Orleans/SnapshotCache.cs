using System.Collections.Concurrent;
using MarginEngine.Compiled;
using MarginEngine.Json;

namespace MarginEngine.Orleans;

/// <summary>A published snapshot as a silo holds it: the publication, its universe read once, and its compiled market.</summary>
internal sealed record LoadedSnapshot(SnapshotPublication Publication, BookUniverse Universe, CompiledMarket Compiled);

/// <summary>
/// Each silo reads and compiles a snapshot once, the first time one of its grains needs it, and shares it with all of
/// its grains (a grain never mixes two: it asks by id). Keeps the most recent snapshots only.
/// </summary>
internal sealed class SnapshotCache(IGrainFactory grains)
{
    private const int Kept = 8;
    private readonly ConcurrentDictionary<string, Lazy<Task<LoadedSnapshot>>> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public async Task<LoadedSnapshot> Get(string snapshotId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotId);
        var entry = _loaded.GetOrAdd(snapshotId, id =>
        {
            _order.Enqueue(id);
            return new Lazy<Task<LoadedSnapshot>>(() => Load(id));
        });
        try
        {
            var loaded = await entry.Value;
            Evict();
            return loaded;
        }
        catch
        {
            _loaded.TryRemove(new KeyValuePair<string, Lazy<Task<LoadedSnapshot>>>(snapshotId, entry));
            throw;
        }
    }

    private async Task<LoadedSnapshot> Load(string snapshotId)
    {
        var publication = await grains.GetGrain<ISnapshotGrain>(snapshotId).Get()
            ?? throw new KeyNotFoundException($"snapshot '{snapshotId}' has not been published");
        var universe = BookJson.ReadUniverse(publication.UniverseJson, $"snapshot {snapshotId}");
        return new LoadedSnapshot(publication, universe, CompiledMarket.Create(universe.Market, universe.Profile));
    }

    private void Evict()
    {
        while (_loaded.Count > Kept && _order.TryDequeue(out var oldest))
            _loaded.TryRemove(oldest, out _);
    }
}
