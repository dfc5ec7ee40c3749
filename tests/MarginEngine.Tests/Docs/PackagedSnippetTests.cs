using System.Diagnostics;

namespace MarginEngine.Tests.Docs;

/// <summary>
/// A fresh consumer project restores the three packages (MarginEngine, MarginEngine.Charts, MarginEngine.Orleans)
/// from a local feed packed from this build and runs the README's C# blocks: what a user who installs the packages
/// gets. Without the package registry (the packages' own dependencies come from it) it fails, saying so.
/// </summary>
[Trait("Category", "External")]
public sealed class PackagedSnippetTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _work = Directory.CreateTempSubdirectory("margin-consumer-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void ReadmeSnippet_RunsAgainstThePackedPackages_AndPrintsWhatTheReadmeShows()
    {
        var version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        var feed = Path.Combine(_work, "feed");
        foreach (var package in new[] { "MarginEngine", "MarginEngine.Charts", "MarginEngine.Orleans" })
        {
            var project = Path.Combine(TestFiles.Repository, "src", package, $"{package}.csproj");
            var pack = Dotnet(_work, "pack", project, "-c", Configuration, "--no-build", "-o", feed, $"-p:PackageVersion={version}");
            pack.Code.Should().Be(0, pack.Output);
        }

        var consumer = Path.Combine(_work, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MarginEngine" Version="{version}" />
                <PackageReference Include="MarginEngine.Charts" Version="{version}" />
                <PackageReference Include="MarginEngine.Orleans" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var blocks = MarkdownSnippets.Read(Path.Combine(TestFiles.Repository, "README.md"), "README.md");
        var runnable = blocks.Where(b => b.IsRunnableCSharp).ToList();
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), new SnippetProgram(runnable).Source());

        var restore = Dotnet(consumer, "restore");
        if (restore.Code != 0 && restore.Output.Contains("NU1301", StringComparison.Ordinal))
            Assert.Fail($"the package registry is needed for the packages' dependencies and could not be reached: {restore.Output}");
        restore.Code.Should().Be(0, restore.Output);
        var run = Dotnet(consumer, "run", "--no-restore");
        run.Code.Should().Be(0, run.Output);
        foreach (var shown in blocks.Where(b => b.IsOutput))
            run.Output.Replace("\r\n", "\n").Should().Contain(shown.Code.Trim(), "the README shows what its C# prints");
    }

    private (int Code, string Output) Dotnet(string directory, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(5)).Should().BeTrue($"dotnet {string.Join(' ', args)} finishes");
        return (process.ExitCode, output.Result + error.Result);
    }
}
