using System.Runtime.Intrinsics;

namespace MarginEngine.Tests.Kernels;

/// <summary>A fact about the Vector512 twin: skipped, saying why, where the machine does not accelerate Vector512.</summary>
public sealed class Vector512FactAttribute : FactAttribute
{
    public Vector512FactAttribute()
    {
        if (!Vector512.IsHardwareAccelerated)
            Skip = "Vector512 is not hardware-accelerated here (no AVX-512): its twin cannot run on this machine";
    }
}

/// <summary>A fact about the Vector256 twin: skipped, saying why, where the machine does not accelerate Vector256.</summary>
public sealed class Vector256FactAttribute : FactAttribute
{
    public Vector256FactAttribute()
    {
        if (!Vector256.IsHardwareAccelerated)
            Skip = "Vector256 is not hardware-accelerated here (no AVX2): its twin cannot run on this machine";
    }
}

/// <summary>A theory about the Vector256 twin: skipped, saying why, where the machine does not accelerate Vector256.</summary>
public sealed class Vector256TheoryAttribute : TheoryAttribute
{
    public Vector256TheoryAttribute()
    {
        if (!Vector256.IsHardwareAccelerated)
            Skip = "Vector256 is not hardware-accelerated here (no AVX2): its twin cannot run on this machine";
    }
}
