"""Figure extraction on sentences shaped like Korean news copy (no mocks: real Kiwi, real vocabulary)."""
from generator.analyse.figures import find_figures


def figs(text: str, published: str | None = "2025-09-18") -> list[tuple[float, str]]:
    """(value, unit) of the figures of one paragraph."""
    return [(f["value"], f["unit"]) for f in find_figures([text], published)]


def test_mixed_numerals_and_counters():
    got = figs("과기정통부는 GPU를 올해 1만3000장, 내년 1만 5000장을 확보하고 2030년까지 20만 장을 확보한다.")
    assert got == [(13000, "장"), (15000, "장"), (200000, "장")]
    assert figs("내년도 예산에 1만 5천 장의 GPU 구매 예산도 편성했다.") == [(15000, "장")]


def test_money():
    assert figs("미국은 5천억 달러를 투입해 AI데이터센터를 구축한다.") == [(500_000_000_000, "달러")]
    assert figs("AI 및 양자 국부펀드에 200조원을 투입하겠다는 계획이다.") == [(200 * 10**12, "원")]
    assert figs("프랑스 역시 160조원의 AI투자계획을 선언했다.") == [(160 * 10**12, "원")]


def test_people_scores_ranks_and_shares():
    assert figs("AI사이언티스트가 5562명인데 누적 1만2000명으로 늘린다.") == [(5562, "명"), (12000, "명")]
    assert figs("미국은 3만300여명, 중국은 5만1400여명이다.") == [(30300, "명"), (51400, "명")]
    assert figs("생성형 AI 특허를 4천여개 보유하고 있다.") == [(4000, "개")]
    assert figs("약 800명의 우수 인재들을 지원한다.") == [(800, "명")]
    assert figs("우리나라는 27점으로 세계 3위권에 속했다.") == [(27, "점"), (3, "위")]
    assert figs("AI 비중은 1.06%인데 이스라엘은 1.98%다.") == [(1.06, "%"), (1.98, "%")]
    assert figs("응답자의 80퍼센트가 찬성했다.") == [(80, "%")]


def test_bracketed_ranking_counts():
    assert figs("엑사원4.0(32B)이 11위(64점)를 차지했다.") == [(11, "위"), (64, "점")]


def test_ranges_and_changes_give_both_ends():
    found = find_figures(["그들이 시장을 90∼95% 차지한다."], "2025-09-14")
    assert [(f["value"], f["unit"], f["text"]) for f in found] == [(90, "%", "90∼95%"), (95, "%", "90∼95%")]
    assert figs("AI 기술 격차 1.3년→0.5년 목표") == [(1.3, "년"), (0.5, "년")]


def test_native_numerals_before_counters():
    assert figs("작년만 해도 두 차례나 유찰된 사례가 있다.") == [(2, "차례")]
    assert figs("포럼을 10차례 열어왔다.") == [(10, "차례")]
    assert figs("구형 GPU 1만대를 활용했다.") == [(10000, "대")]


def test_non_figures_are_left_out():
    assert figs("한국프레스센터 19층에서 개최한 '제93차 조찬 간담회'에서 발표했다.") == []
    assert figs("동북아공동체ICT포럼 93차 조찬 간담회가 18일 열렸다.") == []
    assert figs("류제명 과기정통부 제 2차관은 9월 18일 밝혔다. 2차관, 제2차관 모두 같다.") == []
    assert figs("삼성에스디에스(018260) 등이 참석했다. 문의 02-1234-5678") == []
    assert figs("LG의 엑사원4.0(32B)과 GPT-4가 비교됐다.") == []
    assert figs("6대 AI응용 분야와 8대 기초 역량에서 AI 3대 강국, 과학기술 5대 강국을 목표로 한다.") == []
    assert figs("배경훈 장관은 취임 50일 기자간담회에서 2030년까지 목표를 밝혔다.") == []
    assert figs("DIC 2025는 올해 3회차 개최됐다. 슈퍼컴퓨터 6호기도 있다.") == []
    assert figs("최근 5년간 논문 수를 기준으로 5년 내 격차를 줄인다.") == []
    assert figs("1996년 행정고시에 합격했고 ’06년 입사했다.") == []
    assert figs("20대와 30대(29.8%)에서 높았다.") == [(29.8, "%")]
    assert figs("4대강 방문객이 늘었다.") == []


def test_counter_inside_a_longer_word_is_not_a_counter():
    assert figs("2030년까지 34명의 민간위원을 위촉했다.") == [(34, "명")]
    assert figs("10개 부처 장관과 만났다.") == [(10, "개")]


def test_when_and_what():
    found = find_figures(["과기정통부는 GPU를 올해 1만3000장, 내년 1만 5000장을 확보, 당초 2028년까지 5만장을 확보하려했다."], "2025-09-18")
    assert [f["when"] for f in found] == ["2025", "2026", "2028"]
    assert found[0]["what"] == "GPU" and found[1]["what"] == "GPU"
    assert found[0]["paragraph"] == 0
    found = find_figures(["작년 기준 5562명이다.", "지난해 4만명 수준이다.", "누적 34명의 민간위원"], "2025-09-18")
    assert [(f["when"], f["paragraph"]) for f in found] == [("2024", 0), ("2024", 1), (None, 2)]
    assert found[2]["what"] == "민간위원"
    assert find_figures(["올해 1만3000장을 확보했다."], None)[0]["when"] is None


def test_empty_input():
    assert find_figures([], None) == []
    assert find_figures(["숫자가 없는 문단이다."], "2025") == []


def test_range_low_end_shares_the_place_word():
    assert figs("시장은 12~13조 원대로 커졌다.") == [(12 * 10**12, "원"), (13 * 10**12, "원")]
    assert figs("주민 100~500여 명이 대피했다.") == [(100, "명"), (500, "명")]


def test_units_with_a_slash():
    assert figs("최고 풍속 193㎞/h로 상륙했다.") == [(193, "km/h")]
