using CsCheck;

namespace MarginEngine.Tests.Properties;

/// <summary>
/// Runs a property on a fixed list of seeds (the same cases in every CI run), then on a tenth as many cases from a fresh
/// random seed (new cases every run; <c>MARGINENGINE_PROPERTY_SEED</c> replays one). On a failure CsCheck starts from the
/// failing case and shrinks to a minimal one; the exception names the seed.
/// </summary>
internal static class Property
{
    /// <summary>Environment variable that fixes the fresh seed, to replay a failure a CI run printed.</summary>
    public const string SeedVariable = "MARGINENGINE_PROPERTY_SEED";

    public static void Check<T>(Gen<T> gen, Action<T> assert, int cases, ulong seed)
    {
        Run(gen, assert, seed, cases, "fixed");
        var fresh = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } given ? ulong.Parse(given) : (ulong)Random.Shared.NextInt64();
        Run(gen, assert, fresh, Math.Max(1, cases / 10), "fresh");
    }

    private static void Run<T>(Gen<T> gen, Action<T> assert, ulong seed, int cases, string kind)
    {
        for (var i = 0UL; i < (ulong)cases; i++)
        {
            var caseSeed = new PCG(1, seed + i).ToString();
            try
            {
                gen.Sample(assert, seed: caseSeed, iter: 1, threads: 1);
            }
            catch (Exception first)
            {
                // Shrink from the failing case: CsCheck throws with the smallest failing example it finds.
                try
                {
                    gen.Sample(assert, seed: caseSeed, iter: 2_000, threads: 1);
                }
                catch (Exception shrunk)
                {
                    throw new InvalidOperationException($"property failed on the {kind} seed {seed} + {i} ({SeedVariable}={seed} replays a fresh seed): {shrunk.Message} {shrunk.InnerException?.Message}", shrunk);
                }

                throw new InvalidOperationException($"property failed on the {kind} seed {seed} + {i} ({SeedVariable}={seed} replays a fresh seed): {first.Message}", first);
            }
        }
    }
}
