"""Inside the network, without a UI: every hidden neuron's picture and one training step as text.

- `neurons`: each neuron's activation over the 2-D input plane (`neuron_frame`), dead ReLUs,
  weights and activation ranges; computed from a copy of the weights, so any thread can call it.
- `colours`: the playground's colour scale (blue for positive, orange for negative).
- `steptext`: a `tutor.engine.trace_step` result as text, whole for small nets, summarised
  (norms, a few entries, the largest changes) for large ones.
- `neurontext`: the neuron view as text, half-block cells in colour or plain characters.
- `lessonnet`: the network a lesson shows (its `inside.toml`), for `tutor show` and the app.

Nothing here imports Textual; `tutor.app.widgets.neurons` and `.steps` draw the same data.
"""
