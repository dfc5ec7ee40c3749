using System.Diagnostics;
using System.Globalization;
using System.Net;
using MarginEngine.Cluster;
using MarginEngine.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;

// margin-cluster: a silo, or a client that loads, publishes, sweeps and checks (README §Cluster; docs/scaling.md).
const string Usage = """
    usage:
      margin-cluster silo [--redis host:port] [--silo-port 11111] [--gateway-port 30000]   start a silo (Ctrl+C stops it)
      margin-cluster load <N> [--from 0]                       store N generated accounts in their grains
      margin-cluster publish <snapshot-id> [--move 0]          publish a snapshot, BTC and ETH moved by --move (0.05 = +5%)
      margin-cluster sweep <snapshot-id> <N> [--concurrency 512]  margin accounts 0..N-1 against it; throughput, status changes
      margin-cluster whatif <snapshot-id> <account> <instrument> <quantity> <price> [--repeat 1000]  a pre-trade check, timed
      margin-cluster local <N> [--move 0]                      the same N accounts margined in this process (MarginSweep): the totals to match
      margin-cluster whatif-local [--repeat 1000]              a what-if timed on the risk state and through a grain, silo in this process
      margin-cluster rebalance                                 deactivate idle grains, so the next sweep spreads them over the silos up
      margin-cluster status                                    the silos the cluster knows
    client commands take --redis host:port too; without it the cluster is localhost development clustering
    (first silo on 11111/30000, the next on --silo-port/--gateway-port pointing at it) with in-memory storage.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return 0;
}

var options = Options.Parse(args[1..]);
try
{
    return args[0] switch
    {
        "silo" => await Silo(options),
        "local" => Local(options),
        "whatif-local" => await WhatIfInProcess(options),
        _ => await Client(args[0], options),
    };
}
catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
{
    Console.Error.WriteLine($"margin-cluster: {e.Message}");
    return 2;
}

static async Task<int> Silo(Options o)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.UseOrleans(silo =>
    {
        silo.Configure<ClusterOptions>(c => (c.ClusterId, c.ServiceId) = ("margin", "margin"));
        if (o.Redis is { } redis)
        {
            silo.UseRedisClustering(redis)
                .AddRedisGrainStorage(MarginEngineHosting.StorageName, s => s.ConfigurationOptions = ConfigurationOptions.Parse(redis))
                .ConfigureEndpoints(IPAddress.Loopback, o.SiloPort, o.GatewayPort)
                .AddMarginEngine(inMemoryStorage: false);
        }
        else
        {
            silo.UseLocalhostClustering(o.SiloPort, o.GatewayPort, o.SiloPort == 11111 ? null : new IPEndPoint(IPAddress.Loopback, 11111))
                .AddMarginEngine(inMemoryStorage: true);
        }
    });
    using var host = builder.Build();
    await host.StartAsync();
    Console.WriteLine($"silo up: silo port {o.SiloPort}, gateway {o.GatewayPort}, {(o.Redis is null ? "localhost clustering, in-memory storage" : $"Redis {o.Redis}")}; Ctrl+C stops it");
    await host.WaitForShutdownAsync();
    return 0;
}

static int Local(Options o)
{
    // The same accounts and snapshot margined in this process with MarginSweep: the totals a cluster sweep must match.
    var count = o.Int(0, "N");
    var accounts = Enumerable.Range(0, count).Select(DemoPopulation.Account).ToArray();
    var watch = Stopwatch.StartNew();
    var outcomes = MarginEngine.Portfolio.MarginSweep.Run(accounts, DemoPopulation.Market(o.Move), DemoPopulation.Profile(), Environment.ProcessorCount);
    var seconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine($"margined {count:N0} accounts in this process in {seconds:0.000} s: {count / seconds:N0} accounts a second ({Environment.ProcessorCount} threads)");
    Console.WriteLine($"total IM {outcomes.Sum(r => r.Quote.InitialMargin):N2} USD, MM {outcomes.Sum(r => r.Quote.MaintenanceMargin):N2} USD");
    return 0;
}

static async Task<int> WhatIfInProcess(Options o)
{
    // A silo in this process (ports 11200/30200, in-memory storage): one what-if timed three ways, one call after another.
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.UseOrleans(silo => silo.UseLocalhostClustering(11200, 30200).AddMarginEngine());
    using var host = builder.Build();
    await host.StartAsync();
    var grains = host.Services.GetRequiredService<IGrainFactory>();
    var account = DemoPopulation.Account(7);
    var market = DemoPopulation.Market(0);
    await grains.PublishSnapshotAsync("local", "cluster-demo/1", market, DemoPopulation.Profile(), DemoPopulation.Instruments, DemoPopulation.Assets);
    await grains.LoadAccountsAsync([account]);
    var grain = grains.GetGrain<IAccountGrain>(account.Id);
    var trade = new Trade("BTC-C55", -2m, 1_000m);
    var state = MarginEngine.Portfolio.PortfolioRiskState.Create(account, market, DemoPopulation.Profile());
    var position = new MarginEngine.Accounts.Position(DemoPopulation.Instruments[2], -2m, 1_000m);
    double Time(Func<Task> call)
    {
        for (var i = 0; i < 200; i++)
            call().GetAwaiter().GetResult();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < o.Repeat; i++)
            call().GetAwaiter().GetResult();
        return watch.Elapsed.TotalMicroseconds / o.Repeat;
    }

    var direct = Time(() => { state.WhatIf(position); return Task.CompletedTask; });
    var throughGrain = Time(() => grain.WhatIf("local", trade));
    Console.WriteLine($"what-if of one option, {o.Repeat:N0} calls one after another: {direct:N2} µs on the risk state directly, {throughGrain:N1} µs through a grain in the same process");
    await host.StopAsync();
    return 0;
}

static async Task<int> Client(string command, Options o)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.UseOrleansClient(client =>
    {
        client.Configure<ClusterOptions>(c => (c.ClusterId, c.ServiceId) = ("margin", "margin"));
        client.AddMarginEngine();
        if (o.Redis is { } redis)
            client.UseRedisClustering(redis);
        else
            client.UseLocalhostClustering([30000, 30001, 30002]);
    });
    using var host = builder.Build();
    await host.StartAsync();
    var grains = host.Services.GetRequiredService<IClusterClient>();
    var watch = Stopwatch.StartNew();
    switch (command)
    {
        case "load":
        {
            var count = o.Int(0, "N");
            await grains.LoadAccountsAsync(Enumerable.Range(o.From, count).Select(DemoPopulation.Account), o.Concurrency);
            Console.WriteLine($"loaded {count:N0} accounts in {watch.Elapsed.TotalSeconds:0.00} s ({count / watch.Elapsed.TotalSeconds:N0} a second)");
            break;
        }

        case "publish":
        {
            var id = o.Text(0, "snapshot-id");
            await grains.PublishSnapshotAsync(id, "cluster-demo/1", DemoPopulation.Market(o.Move), DemoPopulation.Profile(), DemoPopulation.Instruments, DemoPopulation.Assets);
            Console.WriteLine($"published {id}: BTC and ETH {o.Move:+0.##%;-0.##%;0%}, profile cluster-demo/1");
            break;
        }

        case "sweep":
        {
            var id = o.Text(0, "snapshot-id");
            var count = int.Parse(o.Text(1, "N"), CultureInfo.InvariantCulture);
            var result = await grains.GetGrain<ISweepCoordinatorGrain>($"sweep-{id}").Sweep(id, [.. Enumerable.Range(0, count).Select(DemoPopulation.AccountId)], o.Concurrency);
            var seconds = watch.Elapsed.TotalSeconds;
            var errors = result.Results.Count(r => r.Error is not null);
            Console.WriteLine($"swept {count:N0} accounts against {id} in {seconds:0.00} s: {count / seconds:N0} accounts a second");
            Console.WriteLine($"status: {string.Join(", ", result.Results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}"))}; " +
                $"changed since the previous sweep: {result.StatusChanged.Length:N0}; errors: {errors:N0}");
            foreach (var r in result.Results.Where(r => r.Error is not null).Take(5))
                Console.WriteLine($"  {r.AccountId}: {r.Error}");
            Console.WriteLine($"total IM {result.Results.Sum(r => r.InitialMargin):N2} USD, MM {result.Results.Sum(r => r.MaintenanceMargin):N2} USD");
            break;
        }

        case "whatif":
        {
            var id = o.Text(0, "snapshot-id");
            var account = grains.GetGrain<IAccountGrain>(DemoPopulation.AccountId(int.Parse(o.Text(1, "account"), CultureInfo.InvariantCulture)));
            var trade = new Trade(o.Text(2, "instrument"), decimal.Parse(o.Text(3, "quantity"), CultureInfo.InvariantCulture), decimal.Parse(o.Text(4, "price"), CultureInfo.InvariantCulture));
            var first = await account.WhatIf(id, trade);
            var timed = Stopwatch.StartNew();
            for (var i = 0; i < o.Repeat; i++)
                await account.WhatIf(id, trade);
            Console.WriteLine($"{first.AccountId} on {first.SnapshotId} ({first.ProfileVersion}): IM {first.InitialMarginNow:N2} now, {first.InitialMargin:N2} with the trade (MM {first.MaintenanceMargin:N2})");
            Console.WriteLine($"{o.Repeat:N0} what-ifs through the cluster: {timed.Elapsed.TotalMicroseconds / Math.Max(1, o.Repeat):N1} µs each, one after another");
            break;
        }

        case "rebalance":
        {
            // Deactivates idle account grains everywhere; the next sweep reactivates them spread over every silo now up.
            await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            Console.WriteLine($"idle activations collected in {watch.Elapsed.TotalSeconds:0.00} s: the next sweep places them over every silo");
            break;
        }

        case "status":
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            foreach (var (silo, status) in hosts)
                Console.WriteLine($"{silo} {status}");
            break;
        }

        default:
            Console.Error.WriteLine($"margin-cluster: unknown command '{command}'\n{Usage}");
            return 2;
    }

    await host.StopAsync();
    return 0;
}

/// <summary>Positional arguments and the options every command shares.</summary>
internal sealed record Options(string[] Positional, string? Redis, int SiloPort, int GatewayPort, int Concurrency, double Move, int Repeat, int From)
{
    public static Options Parse(string[] args)
    {
        var positional = new List<string>();
        var o = new Options([], null, 11111, 30000, 512, 0, 1000, 0);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--redis" => o with { Redis = Value() },
                "--silo-port" => o with { SiloPort = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--gateway-port" => o with { GatewayPort = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--concurrency" => o with { Concurrency = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--move" => o with { Move = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--repeat" => o with { Repeat = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--from" => o with { From = int.Parse(Value(), CultureInfo.InvariantCulture) },
                var a when a.StartsWith("--", StringComparison.Ordinal) => throw new ArgumentException($"unknown option '{a}'"),
                var a => o.Add(positional, a),
            };
        }

        return o with { Positional = [.. positional] };
    }

    public string Text(int i, string name) => i < Positional.Length ? Positional[i] : throw new ArgumentException($"missing <{name}>");

    public int Int(int i, string name) => int.Parse(Text(i, name), CultureInfo.InvariantCulture);

    private Options Add(List<string> positional, string value)
    {
        positional.Add(value);
        return this;
    }
}
