"""TensorFlow Playground's point clouds: shapes, labels, seeds, noise and the train/test split."""

from __future__ import annotations

import numpy as np
import pytest

from tutor import datasets

SHAPES = ("circle", "xor", "gauss", "spiral")


def all_points(name, **options):
    (x_train, y_train), (x_test, y_test) = datasets.playground(name, **options)
    return np.concatenate([x_train, x_test]), np.concatenate([y_train, y_test])


@pytest.mark.parametrize("name", SHAPES)
def test_playground_gives_float32_points_and_0_1_labels(name):
    (x_train, y_train), (x_test, y_test) = datasets.playground(name)
    assert x_train.shape == (250, 2) and x_test.shape == (250, 2)
    assert x_train.dtype == np.float32 and y_train.dtype.kind == "i"
    assert set(np.unique(np.concatenate([y_train, y_test])).tolist()) == {0, 1}


@pytest.mark.parametrize("name", SHAPES)
def test_points_stay_inside_playgrounds_view(name):
    x, _ = all_points(name)
    assert np.abs(x).max() <= 6


@pytest.mark.parametrize("name", SHAPES)
def test_classes_are_about_even(name):
    _, y = all_points(name, n_samples=1000, noise=0.2)
    assert 0.4 <= y.mean() <= 0.6


@pytest.mark.parametrize("name", SHAPES)
def test_same_seed_gives_the_same_points(name):
    first, again = all_points(name, seed=7), all_points(name, seed=7)
    np.testing.assert_array_equal(first[0], again[0])
    np.testing.assert_array_equal(first[1], again[1])


@pytest.mark.parametrize("name", SHAPES)
def test_another_seed_gives_other_points(name):
    x, _ = all_points(name, seed=1)
    other, _ = all_points(name, seed=2)
    assert not np.array_equal(x, other)


def test_seed_none_draws_new_points_each_time():
    x, _ = all_points("gauss", seed=None)
    other, _ = all_points("gauss", seed=None)
    assert not np.array_equal(x, other)


def test_circle_is_a_blue_disc_inside_an_orange_ring():
    x, y = all_points("circle")
    radius = np.hypot(x[:, 0], x[:, 1])
    assert radius[y == 1].max() < 2.5
    assert radius[y == 0].min() >= 3.5 - 1e-5 and radius[y == 0].max() <= 5 + 1e-5


def test_xor_is_blue_where_x_and_y_share_a_sign():
    x, y = all_points("xor")
    np.testing.assert_array_equal(y, (x[:, 0] * x[:, 1] >= 0).astype(int))
    assert np.abs(x).min() >= 0.3 - 1e-6  # the gap along both axes


def test_gauss_clouds_sit_around_2_2_and_minus_2_minus_2():
    x, y = all_points("gauss", n_samples=1000)
    np.testing.assert_allclose(x[y == 1].mean(axis=0), [2, 2], atol=0.15)
    np.testing.assert_allclose(x[y == 0].mean(axis=0), [-2, -2], atol=0.15)


def test_spiral_arms_reach_radius_5():
    x, _ = all_points("spiral")
    assert 4.9 < np.hypot(x[:, 0], x[:, 1]).max() <= 5


@pytest.mark.parametrize("name", ["spiral", "gauss"])
def test_noise_moves_the_points(name):
    calm, _ = all_points(name, noise=0.0)
    noisy, _ = all_points(name, noise=0.3)
    assert np.abs(calm - noisy).max() > 0.1


@pytest.mark.parametrize("name", ["circle", "xor"])
def test_noise_blurs_the_border_so_some_labels_change(name):
    calm_x, calm_y = all_points(name, noise=0.0)
    noisy_x, noisy_y = all_points(name, noise=0.3)
    np.testing.assert_array_equal(calm_x, noisy_x)  # same points, read through the noise
    assert 0 < (calm_y != noisy_y).sum() < len(calm_y) // 2


def test_gauss_noise_widens_the_clouds():
    calm, calm_y = all_points("gauss", n_samples=1000, noise=0.0)
    wide, wide_y = all_points("gauss", n_samples=1000, noise=0.5)
    assert wide[wide_y == 1].std() > 2 * calm[calm_y == 1].std()


@pytest.mark.parametrize(
    ("n_samples", "test_ratio", "sizes"),
    [(200, 0.3, (140, 60)), (11, 0.5, (5, 6)), (2, 0.5, (1, 1))],
)
def test_test_ratio_sets_the_size_of_the_test_part(n_samples, test_ratio, sizes):
    (x_train, y_train), (x_test, y_test) = datasets.playground(
        "circle", n_samples=n_samples, test_ratio=test_ratio
    )
    assert (len(x_train), len(x_test)) == sizes
    assert (len(y_train), len(y_test)) == sizes


def test_load_passes_playground_options_on():
    loaded = datasets.load("circle", noise=0.1, test_ratio=0.3, seed=1)
    direct = datasets.playground("circle", n_samples=500, noise=0.1, test_ratio=0.3, seed=1)
    for got, expected in zip(
        (a for part in loaded for a in part), (a for part in direct for a in part), strict=True
    ):
        np.testing.assert_array_equal(got, expected)


def test_load_playground_xor_is_the_cloud_and_load_xor_the_gate():
    (x_cloud, _), _ = datasets.load("playground_xor", n_samples=100)
    (x_gate, _), _ = datasets.load("xor")
    assert x_cloud.shape == (50, 2) and x_gate.shape == (4, 2)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"noise": -0.1}, r"noise=-0\.1 is out of range: expected 0 to 1"),
        ({"noise": 1.5}, r"noise=1\.5 is out of range"),
        ({"test_ratio": 0.0}, r"test_ratio=0\.0 is out of range: expected a fraction"),
        ({"test_ratio": 1.0}, r"test_ratio=1\.0 is out of range"),
        ({"n_samples": 1}, r"n_samples=1 is too few: expected at least 2"),
        ({"n_samples": 10.5}, r"n_samples must be a whole number"),
        ({"n_samples": 10, "test_ratio": 0.01}, r"gives 0 test points"),
        ({"seed": -1}, r"seed must be a whole number 0 or more"),
    ],
)
def test_bad_options_are_refused_with_what_was_expected(options, message):
    with pytest.raises(ValueError, match=message):
        datasets.playground("circle", **options)


def test_unknown_playground_set_lists_the_four():
    with pytest.raises(ValueError, match=r"'moons'.*'circle', 'xor', 'gauss' or 'spiral'"):
        datasets.playground("moons")
