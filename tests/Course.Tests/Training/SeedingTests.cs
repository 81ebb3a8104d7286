using Course.Native;
using Course.Training;
using TorchSharp;
using Xunit;

namespace Course.Tests.Training;

/// <summary>Seeding makes weights and managed random numbers repeatable.</summary>
[Collection(nameof(MemoryTests))]   // touches the global generator: run apart from tests that draw from it
public sealed class SeedingTests
{
    public SeedingTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void SameSeedGivesSameInitialWeightsAndManagedNumbers()
    {
        Seeding.Set(42);
        var first = torch.nn.Linear(3, 2).weight!.detach().clone();
        int firstDraw = Seeding.Random.Next();
        Seeding.Set(42);
        var second = torch.nn.Linear(3, 2).weight!.detach().clone();
        int secondDraw = Seeding.Random.Next();
        Seeding.Set(43);
        var third = torch.nn.Linear(3, 2).weight!.detach().clone();

        Assert.True(first.allclose(second, rtol: 0, atol: 0));
        Assert.Equal(firstDraw, secondDraw);
        Assert.False(first.allclose(third, rtol: 0, atol: 0));
        Assert.Equal(43, Seeding.Seed);
    }
}
