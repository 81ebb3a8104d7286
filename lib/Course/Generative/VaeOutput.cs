using static TorchSharp.torch;

namespace Course.Generative;

/// <summary>What a <see cref="Vae"/> computes for a batch: the decoder's pixel logits, q(z|x)'s μ and log σ², and the sampled z.</summary>
/// <param name="Logits">Pixel logits of p(x|z) (B, InputDim).</param>
/// <param name="Mu">Means of q(z|x) (B, D).</param>
/// <param name="LogVar">log σ² of q(z|x) (B, D).</param>
/// <param name="Z">The reparameterized sample z = μ + σ ⊙ ε (B, D).</param>
public sealed record VaeOutput(Tensor Logits, Tensor Mu, Tensor LogVar, Tensor Z);
