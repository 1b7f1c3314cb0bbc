namespace Orchestrator.Protocols.Ami.Client;

/// <summary>
/// An action waiting for its answer. Completed by the reader loop, with continuations forced onto the
/// thread pool: a caller that sends another action from its continuation must never run on (and wait
/// for) the reader that is completing it.
/// </summary>
internal sealed class PendingAction(string actionName, bool isList)
{
    private readonly TaskCompletionSource<AmiListResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<AmiMessage> _items = [];
    private AmiMessage? _response;
    private AmiMessage? _complete;

    public string ActionName { get; } = actionName;

    public bool IsList { get; } = isList;

    public Task<AmiListResponse> Task => _completion.Task;

    /// <summary>Reader loop only.</summary>
    public void OnResponse(AmiMessage response)
    {
        if (response.ValueEquals(AmiHeaders.Response, "Error"))
        {
            _completion.TrySetException(new AmiActionFailedException(ActionName, response));
            return;
        }

        _response = response;
        var listFollows = IsList && response.ValueEquals(AmiHeaders.EventList, "start");
        if (!listFollows || _complete is not null)
        {
            _completion.TrySetResult(new AmiListResponse(response, _items, _complete));
        }
    }

    /// <summary>Reader loop only: an event that carries this action's ActionID.</summary>
    public void OnListEvent(AmiMessage listEvent)
    {
        if (!listEvent.ValueEquals(AmiHeaders.EventList, "Complete"))
        {
            _items.Add(listEvent);
            return;
        }

        _complete = listEvent;
        if (_response is not null)
        {
            _completion.TrySetResult(new AmiListResponse(_response, _items, listEvent));
        }
    }

    public void Fail(Exception error) => _completion.TrySetException(error);
}
