namespace Course.Autoencoders;

/// <summary>How <see cref="LayerwisePretraining"/> trains each layer of a stack.</summary>
/// <remarks>Seed 004 (DL Seminar), Rifai et al.'s second table; notebook 08b-pretraining.</remarks>
/// <param name="Objective">Plain, denoising (masking noise) or contractive autoencoder per layer.</param>
/// <param name="NumEpochs">Epochs per layer (0: the layers keep their random weights).</param>
/// <param name="BatchSize">Samples per gradient step.</param>
/// <param name="Lr">Adam learning rate.</param>
/// <param name="MaskingFraction">DAE-b: the fraction ν of inputs set to 0.</param>
/// <param name="ContractiveWeight">CAE: λ of the penalty λ ‖J_f(x)‖²_F.</param>
/// <param name="Seed">Seed of the weights, batch order and noise (layer k uses Seed + k).</param>
public sealed record PretrainOptions(
    LayerObjective Objective,
    int NumEpochs = 10,
    int BatchSize = 64,
    double Lr = 1e-3,
    double MaskingFraction = 0.25,
    double ContractiveWeight = 0.5,
    int Seed = 0);
