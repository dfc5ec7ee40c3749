using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MarginEngine.Kernels;

/// <summary>Span kernels across scenarios: each lane adds rows in the caller's order, so SIMD equals the scalar twin bit for bit.</summary>
internal static class ScenarioKernels
{
    /// <summary><c>cells[s] += row[s]</c>.</summary>
    public static void Accumulate(ReadOnlySpan<double> row, Span<double> cells)
    {
        if (row.Length != cells.Length)
            throw new ArgumentException("row and cells must have one value per scenario");
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var c = ref MemoryMarshal.GetReference(cells);
        var n = row.Length;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
                (Vector512.LoadUnsafe(ref c, (nuint)i) + Vector512.LoadUnsafe(ref r, (nuint)i)).StoreUnsafe(ref c, (nuint)i);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
                (Vector256.LoadUnsafe(ref c, (nuint)i) + Vector256.LoadUnsafe(ref r, (nuint)i)).StoreUnsafe(ref c, (nuint)i);
        }

        for (; i < n; i++)
            cells[i] += row[i];
    }

    /// <summary>The plain-loop twin of <see cref="Accumulate"/>.</summary>
    public static void AccumulateScalar(ReadOnlySpan<double> row, Span<double> cells)
    {
        for (var i = 0; i < row.Length; i++)
            cells[i] += row[i];
    }
}
