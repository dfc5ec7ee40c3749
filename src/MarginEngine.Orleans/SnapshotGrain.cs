namespace MarginEngine.Orleans;

/// <summary>The persisted state of a published snapshot.</summary>
[GenerateSerializer]
internal sealed class SnapshotState
{
    [Id(0)]
    public SnapshotPublication? Publication { get; set; }
}

/// <summary>A snapshot publication, persisted so that any silo can read it after a failover.</summary>
internal sealed class SnapshotGrain([PersistentState("snapshot", MarginEngineHosting.StorageName)] IPersistentState<SnapshotState> state) : Grain, ISnapshotGrain
{
    public async Task Publish(SnapshotPublication publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        if (publication.SnapshotId != this.GetPrimaryKeyString())
            throw new ArgumentException($"publication '{publication.SnapshotId}' sent to snapshot '{this.GetPrimaryKeyString()}'");
        if (state.State.Publication is { } published)
        {
            if (published != publication)
                throw new InvalidOperationException($"snapshot '{publication.SnapshotId}' is already published with other content: snapshot ids are immutable");
            return;
        }

        state.State.Publication = publication;
        await state.WriteStateAsync();
    }

    public Task<SnapshotPublication?> Get() => Task.FromResult(state.State.Publication);
}
