namespace MarginEngine.Orleans.Tests;

/// <summary>
/// Holds the sweep in the middle, whatever the machine's speed: once <see cref="After"/> account-margin calls have
/// been sent, every later one waits until the test opens the gate. An outgoing call filter on every silo of one test
/// cluster, so calls wait on the caller's side (the coordinator's silo), and a silo being stopped holds none of them.
/// </summary>
internal sealed class SweepGate : IOutgoingGrainCallFilter
{
    private static int _calls;
    private static TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many margin calls pass before the gate holds the rest.</summary>
    public static int After { get; private set; } = int.MaxValue;

    /// <summary>Completes when the first call is held: the sweep is under way and not finished.</summary>
    public static Task Reached => _reached.Task;

    /// <summary>Arms the gate for one test.</summary>
    public static void Arm(int after)
    {
        _calls = 0;
        _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        After = after;
    }

    /// <summary>Lets every held and later call through.</summary>
    public static void Open() => _open.TrySetResult();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == nameof(IAccountGrain.Margin) && Interlocked.Increment(ref _calls) > After)
        {
            _reached.TrySetResult();
            await _open.Task;
        }

        await context.Invoke();
    }
}
