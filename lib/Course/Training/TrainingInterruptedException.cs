namespace Course.Training;

/// <summary>Thrown when the user interrupts training; the model keeps the weights of its last step.</summary>
/// <remarks>
/// The Jupyter kernel's interrupt signals <see cref="Course.Interactive.Notebook.Cancellation"/>; <see cref="Trainer"/>
/// checks it between batches (notebook 00-setup shows it). Catch it as <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class TrainingInterruptedException : OperationCanceledException
{
    /// <summary>An interruption at <paramref name="epoch"/> after <paramref name="batch"/> batches of that epoch.</summary>
    public TrainingInterruptedException(History history, int epoch, int numEpochs, int batch, int numBatches, CancellationToken token)
        : base($"Training interrupted at epoch {epoch}/{numEpochs} (batch {batch}/{numBatches}); the model keeps the weights it had.", token)
    {
        History = history;
        Epoch = epoch;
        Batch = batch;
    }

    /// <summary>The figures of the epochs that finished before the interruption.</summary>
    public History History { get; }

    /// <summary>The 1-based epoch that was running.</summary>
    public int Epoch { get; }

    /// <summary>How many batches of that epoch had finished.</summary>
    public int Batch { get; }
}
