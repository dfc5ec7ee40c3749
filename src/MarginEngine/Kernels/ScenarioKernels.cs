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

    /// <summary><c>row[s] = weight[s] x ((perMove x move[s]) x toUsd)</c>: a linear leg's row, the same operations in every lane.</summary>
    public static void LinearRow(double perMove, double toUsd, ReadOnlySpan<double> move, ReadOnlySpan<double> weight, Span<double> row)
    {
        if (move.Length != row.Length || weight.Length != row.Length)
            throw new ArgumentException("move, weight and row must have one value per lane");
        ref var m = ref MemoryMarshal.GetReference(move);
        ref var w = ref MemoryMarshal.GetReference(weight);
        ref var r = ref MemoryMarshal.GetReference(row);
        var n = row.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var p = Vector256.Create(perMove);
            var t = Vector256.Create(toUsd);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
                (Vector256.LoadUnsafe(ref w, (nuint)i) * (p * Vector256.LoadUnsafe(ref m, (nuint)i) * t)).StoreUnsafe(ref r, (nuint)i);
        }

        for (; i < n; i++)
            row[i] = weight[i] * (perMove * move[i] * toUsd);
    }

    /// <summary>
    /// The smallest value and whether every value is finite (a minimum needs no rounding, so any lane order gives the
    /// same result). <c>x - x</c> is 0 for a finite x and NaN otherwise; their sum flags a non-finite value.
    /// </summary>
    public static (double Min, bool Finite) MinFinite(ReadOnlySpan<double> values)
    {
        ref var v = ref MemoryMarshal.GetReference(values);
        var n = values.Length;
        var i = 0;
        var min = double.PositiveInfinity;
        var check = 0.0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count)
        {
            var vmin = Vector256.Create(double.PositiveInfinity);
            var vcheck = Vector256<double>.Zero;
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var x = Vector256.LoadUnsafe(ref v, (nuint)i);
                vmin = Vector256.MinNative(vmin, x);
                vcheck += x - x;
            }

            for (var k = 0; k < Vector256<double>.Count; k++)
                min = Math.Min(min, vmin[k]);
            check = Vector256.Sum(vcheck);
        }

        for (; i < n; i++)
        {
            min = Math.Min(min, values[i]);
            check += values[i] - values[i];
        }

        return (min, check == 0);
    }

    /// <summary>The plain-loop twin of <see cref="Accumulate"/>.</summary>
    public static void AccumulateScalar(ReadOnlySpan<double> row, Span<double> cells)
    {
        for (var i = 0; i < row.Length; i++)
            cells[i] += row[i];
    }
}
