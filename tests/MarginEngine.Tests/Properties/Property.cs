using CsCheck;

namespace MarginEngine.Tests.Properties;

/// <summary>
/// Runs a property on a fixed list of seeds (the same cases in every CI run), and on a failure lets CsCheck start from the
/// failing seed and shrink to a minimal case, which the exception reports with its seed.
/// </summary>
internal static class Property
{
    public static void Check<T>(Gen<T> gen, Action<T> assert, int cases, ulong seed)
    {
        for (var i = 0UL; i < (ulong)cases; i++)
        {
            var caseSeed = new PCG(1, seed + i).ToString();
            try
            {
                gen.Sample(assert, seed: caseSeed, iter: 1, threads: 1);
            }
            catch (Exception)
            {
                // Shrink from the failing case: CsCheck throws with the smallest failing example it finds.
                gen.Sample(assert, seed: caseSeed, iter: 2_000, threads: 1);
                throw;
            }
        }
    }
}
