namespace Course.Autoencoders;

/// <summary>What each layer of a stack learns during greedy layer-wise pretraining: the columns of Rifai et al.'s second table.</summary>
/// <remarks>Seed 004 (DL Seminar), the table's SAE-3, DAE-b-3, CAE-1 and CAE-2; <see cref="LayerwisePretraining"/>; notebook 08b-pretraining.</remarks>
public enum LayerObjective
{
    /// <summary>SAE: a plain autoencoder, L(x, g(h(x))).</summary>
    Autoencoder,

    /// <summary>DAE-b: a denoising autoencoder with binary masking noise, L(x, g(h(x̃))).</summary>
    Denoising,

    /// <summary>CAE: a contractive autoencoder, L(x, g(h(x))) + λ ‖J_f(x)‖²_F.</summary>
    Contractive,
}
