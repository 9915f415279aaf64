import pytest

from submission.config import ConfigError, default_config, load_config


def test_the_shipped_defaults_load_and_spend_twelve_hours():
    c = default_config()
    assert c.time_budget == 43200 and 0 < c.safety_margin < 3600
    assert c.usable_seconds == c.time_budget - c.safety_margin
    short = load_config(time_budget=900.0)
    assert short.usable_seconds == pytest.approx(900 * 0.97)  # the 10-minute margin does not eat a short run
    assert c.share_of("dsl") > c.share_of("heuristics") > 0
    assert "dsl" in c.second_pass_solvers


def test_a_file_overrides_the_defaults_and_flags_override_the_file(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text('[budget]\ntime_budget = 900\n[shares]\nheuristics = 0.5\nmine = 2\n[workers]\nmemory_cap_mb = 100\n')
    c = load_config(p, safety_margin=5.0, time_budget=None)
    assert (c.time_budget, c.safety_margin, c.memory_cap_mb) == (900.0, 5.0, 100)
    assert c.share_of("heuristics") == 0.5 and c.share_of("mine") == 2.0
    assert c.share_of("dsl") == 0.95  # the default share is kept where the file is silent
    assert c.share_of("unknown") == pytest.approx(sum(c.shares.values()) / len(c.shares))


@pytest.mark.parametrize("text,message", [
    ("[budget]\ntime_budegt = 5\n", "unknown setting budget.time_budegt"),
    ("[budget]\ntime_budget = -1\n", "time_budget must be positive"),
    ("[budget]\ntime_budget = 'soon'\n", "must be a number"),
    ("[shares]\ndsl = 0\n", "must be positive"),
    ("[second_pass]\nsolvers = 'dsl'\n", "list of solver names"),
    ("budget = 3\n", "must be a table"),
    ("[budget\n", "not valid TOML"),
])
def test_a_bad_config_is_refused_with_the_file_and_the_key(tmp_path, text, message):
    p = tmp_path / "bad.toml"
    p.write_text(text)
    with pytest.raises(ConfigError, match=message) as e:
        load_config(p)
    assert str(p) in str(e.value)


def test_a_missing_config_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "nope.toml")


def test_the_ensemble_rule_is_a_setting_and_an_unknown_one_is_refused(tmp_path):
    from submission.live import LiveSubmission
    from submission.sources import load_tasks
    from tests.fixtures import write_kaggle_files

    p = tmp_path / "c.toml"
    p.write_text('[ensemble]\nrule = "max_score"\n')
    assert load_config(p).ensemble_rule == "max_score" and default_config().ensemble_rule == "weighted"
    taskset = load_tasks(str(write_kaggle_files(tmp_path)))
    LiveSubmission(tmp_path / "s.json", taskset, rule="max_score")
    with pytest.raises(ValueError, match="unknown ensemble rule 'best'"):
        LiveSubmission(tmp_path / "s.json", taskset, rule="best")
