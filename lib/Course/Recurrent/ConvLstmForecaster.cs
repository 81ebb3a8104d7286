using Course.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Course.Recurrent;

/// <summary>An encoder–predictor of ConvLSTM cells that forecasts the next frames of a one-channel video.</summary>
/// <remarks>
/// Shi et al. (NeurIPS 2015), "encoding-forecasting structure"; seed 002 (Lecture 9), "Peephole convolutional LSTM".
/// The encoder cell reads the context frames x(1) … x(T−1); the predictor cell starts from the encoder's state (h, C),
/// reads the last frame x(T) and writes x̂(T+1) through a 1×1 convolution and a sigmoid (pixels lie in [0, 1]); trained with
/// per-pixel cross-entropy (<see cref="Loss"/>).
/// Further frames feed each prediction back as the next input (<see cref="Forecast"/>). Notebook 06-conv-lstm.
/// </remarks>
public sealed class ConvLstmForecaster : Module<Tensor, Tensor>
{
    private readonly ConvLstmCell encoder;
    private readonly ConvLstmCell predictor;
    private readonly Conv2d readout;       // h (B, C, S, S) → frame logits (B, 1, S, S)

    /// <summary>A new forecaster of the given sizes (default: 16×16 frames, 8 channels, 5×5 kernels).</summary>
    public ConvLstmForecaster(ForecasterConfig? config = null) : base(nameof(ConvLstmForecaster))
    {
        Config = config ?? new ForecasterConfig();
        int s = Config.FrameSize, ch = Config.HiddenChannels, k = Config.KernelSize;
        encoder = new ConvLstmCell(1, ch, k, s, s);
        predictor = new ConvLstmCell(1, ch, k, s, s);
        readout = Conv2d(ch, 1, 1);
        RegisterComponents();
    }

    /// <summary>The sizes this forecaster was built with.</summary>
    public ForecasterConfig Config { get; }

    /// <summary>The cell that reads the context frames.</summary>
    public ConvLstmCell Encoder => encoder;

    /// <summary>The cell that continues from the encoder's state and writes the forecast.</summary>
    public ConvLstmCell Predictor => predictor;

    /// <summary>The next frame after <paramref name="frames"/>.</summary>
    /// <param name="frames">x(1) … x(T), (B, T, 1, S, S) with T ≥ 2.</param>
    /// <returns>x̂(T+1), (B, 1, S, S) in (0, 1).</returns>
    /// <exception cref="ArgumentException">The frames are not (B, T ≥ 2, 1, S, S) (the message names the shape).</exception>
    public override Tensor forward(Tensor frames) => torch.sigmoid(ForecastLogits(frames, 1).select(1, 0));

    /// <summary>The next <paramref name="horizon"/> frames, each prediction fed back as the predictor's next input.</summary>
    /// <param name="frames">x(1) … x(T), (B, T, 1, S, S) with T ≥ 2.</param>
    /// <param name="horizon">Frames to forecast, at least 1.</param>
    /// <returns>x̂(T+1) … x̂(T+horizon), (B, horizon, 1, S, S) in (0, 1).</returns>
    /// <exception cref="ArgumentException">The frames are not (B, T ≥ 2, 1, S, S), or the horizon is below 1.</exception>
    public Tensor Forecast(Tensor frames, int horizon) => torch.sigmoid(ForecastLogits(frames, horizon));

    /// <summary>The training loss: binary cross-entropy between the forecast x̂(T+1) and the true next frame, pixel by pixel.</summary>
    /// <remarks>
    /// Shi et al. (2015) train on moving digits with cross-entropy, treating each pixel as a Bernoulli variable
    /// (notebook 01-mle-to-loss). Squared error gets stuck predicting empty frames (notebook 06-conv-lstm shows why).
    /// Computed from the logits for numerical stability. Use as <c>Trainer.FitCustom(net, X, y, net.Loss, …)</c>.
    /// </remarks>
    /// <param name="frames">x(1) … x(T), (B, T, 1, S, S).</param>
    /// <param name="next">x(T+1), (B, 1, S, S) in [0, 1].</param>
    /// <returns>The mean over pixels and sequences, a scalar.</returns>
    /// <exception cref="ArgumentException">A shape does not fit (the message names it).</exception>
    public Tensor Loss(Tensor frames, Tensor next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var logits = ForecastLogits(frames, 1).select(1, 0);                      // (B, 1, S, S)
        if (!logits.shape.SequenceEqual(next.shape))
            throw new ArgumentException($"next has shape {ShapeText.Of(next)} but the forecast for frames {ShapeText.Of(frames)} has shape {ShapeText.Of(logits)}.", nameof(next));
        return nn.functional.binary_cross_entropy_with_logits(logits, next);
    }

    /// <summary>The logits of the next <paramref name="horizon"/> frames (sigmoid gives the pixels); what <see cref="Loss"/> trains.</summary>
    /// <param name="frames">x(1) … x(T), (B, T, 1, S, S) with T ≥ 2.</param>
    /// <param name="horizon">Frames to forecast, at least 1.</param>
    /// <returns>(B, horizon, 1, S, S).</returns>
    /// <exception cref="ArgumentException">The frames are not (B, T ≥ 2, 1, S, S), or the horizon is below 1.</exception>
    public Tensor ForecastLogits(Tensor frames, int horizon)
    {
        ArgumentNullException.ThrowIfNull(frames);
        int s = Config.FrameSize;
        if (frames.dim() != 5 || frames.shape[1] < 2 || frames.shape[2] != 1 || frames.shape[3] != s || frames.shape[4] != s)
            throw new ArgumentException($"ConvLstmForecaster expects frames shaped (B, T, 1, {s}, {s}) with T ≥ 2; got {ShapeText.Of(frames)}.", nameof(frames));
        if (horizon < 1) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, $"horizon must be at least 1, got {horizon}.");
        long steps = frames.shape[1];
        (Tensor H, Tensor C)? state = null;
        for (long t = 0; t < steps - 1; t++)
            state = encoder.call(frames.select(1, t), state);                      // encoder reads x(1) … x(T−1): (B, C, S, S) each
        var x = frames.select(1, steps - 1);                                       // x(T), (B, 1, S, S)
        var logits = new List<Tensor>();
        for (int k = 0; k < horizon; k++)
        {
            state = predictor.call(x, state);                                      // predictor continues from the encoder's (h, C)
            var z = readout.call(state.Value.H);                                   // logits of x̂(T+k+1), (B, 1, S, S)
            logits.Add(z);
            x = torch.sigmoid(z);                                                  // fed back as the next input
        }
        return torch.stack(logits, 1);                                             // (B, horizon, 1, S, S)
    }
}
