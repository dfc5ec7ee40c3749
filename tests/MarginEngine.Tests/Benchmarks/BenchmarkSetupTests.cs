using System.Reflection;
using BenchmarkDotNet.Attributes;
using MarginEngine.Benchmarks;

namespace MarginEngine.Tests.Benchmarks;

/// <summary>
/// Every benchmark class sets up and runs each benchmark once. A setup refuses inputs the library and its baseline
/// disagree on, or that a preset cannot price; without this test such a break would show only when someone next ran
/// the benchmarks.
/// </summary>
public class BenchmarkSetupTests
{
    public static TheoryData<string> Classes() =>
        [.. typeof(KernelBenchmarks).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .Select(t => t.FullName!)
            .Order()];

    [Theory]
    [MemberData(nameof(Classes))]
    public void SetsUpAndRunsEachBenchmarkOnce(string name)
    {
        var type = typeof(KernelBenchmarks).Assembly.GetType(name)!;
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties())
        {
            if (property.GetCustomAttribute<ParamsAttribute>() is { } values)
                property.SetValue(instance, values.Values[0]);
        }

        var methods = type.GetMethods();
        foreach (var setup in methods.Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null))
            setup.Invoke(instance, null);
        foreach (var benchmark in methods.Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
        {
            // Returning the result keeps the JIT from dropping the work; a figure returned must be a number.
            benchmark.ReturnType.Should().NotBe(typeof(void), $"{name}.{benchmark.Name} returns its result");
            var result = benchmark.Invoke(instance, null);
            if (result is double figure)
                double.IsFinite(figure).Should().BeTrue($"{name}.{benchmark.Name} returned {figure}");
            else if (!benchmark.ReturnType.IsValueType)
                result.Should().NotBeNull($"{name}.{benchmark.Name} returns its result");
        }
    }
}
