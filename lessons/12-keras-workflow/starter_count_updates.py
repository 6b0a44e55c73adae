from tutor.engine import Dense, LambdaCallback, Sequential


def count_updates(x, y, batch_size, validation_split):
    """How many times fit updates the weights in ONE epoch: count them, do not compute them.
    한 에포크에 fit이 가중치를 몇 번 고치는지 세어서 돌려주세요(계산하지 말고 세기).

    Build a small model for x (one sigmoid unit is enough), compile it, and fit it for one
    epoch with this batch_size and validation_split, with a callback that counts the batches:
        LambdaCallback(on_batch_end=lambda batch, logs: ...)
    작은 모델을 만들어 한 에포크만 학습시키고, 배치가 끝날 때마다 세는 콜백을 다세요.
    """
    raise NotImplementedError("write it here / 여기에 쓰세요")
