"""What the `code` kind's training mode says to the learner, in Korean and English."""

from __future__ import annotations

from tutor.i18n import both

TEXT: dict[str, dict[str, str]] = {
    "describe": both(
        "채점: `{function}()`이 돌려준 모델을 학습 {rows}건(특성 {features}개)에 {epochs} 에포크"
        "(배치 {batch}, 시드 {seed}) 학습시킨 뒤, 학습에 쓰지 않은 검증 {val}건에서 잽니다. "
        "목표: {goal}. {compile}",
        "Checking: the model `{function}()` returns is trained on {rows} rows ({features} "
        "features) for {epochs} epochs (batch {batch}, seed {seed}), then measured on {val} "
        "held-out validation rows. Goal: {goal}. {compile}",
    ),
    "we_compile": both(
        "compile은 채점기가 합니다(optimizer={optimizer}, loss={loss}).",
        "The checker compiles it (optimizer={optimizer}, loss={loss}).",
    ),
    "you_compile": both(
        "compile도 함수 안에서 직접 하세요.",
        "Compile it yourself inside the function.",
    ),
    "trained": both(
        "(학습 {rows}건, {epochs} 에포크, 배치 {batch}, 시드 {seed}; 검증 {val}건)",
        "({rows} training rows, {epochs} epochs, batch {batch}, seed {seed}; {val} validation "
        "rows)",
    ),
    "passed": both(
        "통과! 처음 보는 검증 데이터에서 목표에 닿았습니다.",
        "Passed: the model reaches the goal on validation data it never saw.",
    ),
    "missed": both(
        "검증 데이터에서 목표에 닿지 못했습니다. 층, 활성화, 출력층, compile 설정을 살펴보세요.",
        "The model misses the goal on the validation data. Look at the layers, the activations, "
        "the output layer and the compile settings.",
    ),
    "stuck": both(
        "학습 손실이 거의 줄지 않았습니다. 출력층의 활성화와 손실이 짝이 맞는지, 학습률이 "
        "너무 작거나 크지 않은지 보세요.",
        "The training loss barely fell. Check that the output activation and the loss belong "
        "together, and that the learning rate is neither tiny nor huge.",
    ),
    "nan": both(
        "학습 손실이 nan이나 inf가 되었습니다. 학습률이 너무 크거나 출력층과 손실이 맞지 않습니다.",
        "The training loss became nan or inf: the learning rate is too large, or the output "
        "layer and the loss do not match.",
    ),
    "wrong_output": both(
        "모델의 출력 모양이 {got}입니다. 이 문제에는 샘플마다 출력이 {want}개 필요합니다"
        "(출력층의 units를 보세요).",
        "The model's output has shape {got}; this problem needs {want} output(s) per sample "
        "(look at the output layer's units).",
    ),
    "wrong_activation": both(
        "출력층의 활성화가 {got}입니다. 이 문제의 출력층에는 {want}가 맞습니다.",
        "The output layer's activation is {got}; this problem's output layer needs {want}.",
    ),
    "wrong_loss": both(
        "compile의 손실이 {got}입니다. 이 문제에 맞는 손실은 {want}입니다.",
        "The model is compiled with the loss {got}; this problem calls for {want}.",
    ),
    "too_big": both(
        "매개변수가 {params}개입니다. 이 연습은 {limit}개 이하로 풀 수 있습니다.",
        "The model has {params} parameters; this exercise is meant to be solved with at most "
        "{limit}.",
    ),
    "problem_missing": both(
        "`{function}`이라는 함수가 없습니다. `def {function}():`으로 정의하세요.",
        "There is no function `{function}`: define it with `def {function}():`.",
    ),
    "problem_not_sequential": both(
        "`{function}()`이 Sequential 모델이 아니라 {got}을(를) 돌려주었습니다. "
        "`return model`을 잊지 않았나요?",
        "`{function}()` returned a {got}, not a Sequential model. Did you forget `return model`?",
    ),
    "problem_no_layers": both(
        "모델에 층이 하나도 없습니다. `Sequential([...])`의 목록에 `Dense(...)` 층을 넣으세요.",
        "The model has no layers yet: put `Dense(...)` layers in the list of `Sequential([...])`.",
    ),
    "problem_not_compiled": both(
        "모델을 compile하지 않았습니다. `model.compile(optimizer=..., loss=..., "
        'metrics=["accuracy"])`을 `return` 전에 부르세요.',
        "The model is not compiled: call `model.compile(optimizer=..., loss=..., "
        'metrics=["accuracy"])` before `return`.',
    ),
    "odd": both(
        "채점기가 학습 결과를 읽지 못했습니다. `{function}`은(는) 모델만 돌려주어야 합니다.",
        "The checker could not read the training result: `{function}` should only return the "
        "model.",
    ),
}
