from tutor.engine import Dense, LambdaCallback, Sequential


def count_updates(x, y, batch_size, validation_split):
    """How many times fit updates the weights in ONE epoch: count them.
    한 에포크에 fit이 가중치를 몇 번 고치는지 세어서 돌려주세요.

    Build a small model for x (one sigmoid unit is enough), compile
    it, and fit it for one epoch with this batch_size and
    validation_split and a callback that counts finished batches:
        LambdaCallback(on_batch_end=lambda batch, logs: ...)
    작은 모델을 한 에포크만 학습시키며, 배치가 끝날 때마다 세세요.
    """
    raise NotImplementedError("write it here / 여기에 쓰세요")
