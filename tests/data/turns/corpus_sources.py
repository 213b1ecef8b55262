"""The sources of the turn-detection corpus (see make_corpus.py).  Written for it; fiction."""

# ruff: noqa: E501

SOURCES: dict[str, str] = {}
DOCX: dict[str, list[tuple[str, str]]] = {}

# 1. Front matter ------------------------------------------------------------------

SOURCES["f01_front_matter_en.md"] = """
---
{{-}}title: "Seed banks and stubborn farmers"
date: 2023-04-18
speakers: [Maya Chen, Tom Reyes]
media: https://example.org/episodes/42.mp3
tags: [agriculture, podcast]
summary: >
  Maya talks with Tom about the seed library he runs.
  Note: the audio drops out for a minute near the end.
---

**Maya Chen:** {{Maya Chen}}Welcome back to Field Notes. Tom, how did the seed library start?

**Tom Reyes:** {{Tom Reyes}}With a shoebox, honestly. My neighbour gave me bean seeds her grandmother brought from Oaxaca.

**Maya Chen:** {{Maya Chen}}And people just borrow seeds?

**Tom Reyes:** {{Tom Reyes}}They borrow a packet in spring and bring back twice as much in autumn. That's the only rule.

Most of them keep it. Some forget, and that's fine too.

**Maya Chen:** {{Maya Chen}}What grows best here?

**Tom Reyes:** {{Tom Reyes}}Squash. Squash grows anywhere, even in a parking lot.

**Maya Chen:** {{Maya Chen}}Any failures you still think about?

**Tom Reyes:** {{Tom Reyes}}The melons of 2019. We don't talk about the melons.

**Maya Chen:** {{Maya Chen}}Fair enough. Tom Reyes, thank you.

**Tom Reyes:** {{Tom Reyes}}Thanks for having me.
"""

SOURCES["f01_front_matter_ru.md"] = """
---
{{-}}title: Разговор о реставрации
date: 2022-11-05
speakers:
  - Ирина Белова
  - Пётр Орлов
  - Слушатель
tags: [музеи, радио]
summary: |
  Тема: как реставрируют деревянные храмы.
  Продолжительность: 40 минут.
---

Ирина Белова: {{Ирина Белова}}Добрый день. У нас в гостях реставратор Пётр Орлов. Пётр, с чего начинается работа?

Пётр Орлов: {{Пётр Орлов}}С обмеров. Сначала мы месяц ничего не трогаем, только смотрим и записываем.

Ирина Белова: {{Ирина Белова}}А что самое трудное?

Пётр Орлов: {{Пётр Орлов}}Найти старую древесину. Новая ведёт себя иначе: она сохнет и трескается.

Приходится ездить по деревням и выкупать брошенные амбары.

Ирина Белова: {{Ирина Белова}}У нас звонок.

Слушатель: {{Слушатель}}Здравствуйте, а можно приехать посмотреть на работы?

Пётр Орлов: {{Пётр Орлов}}Можно, летом мы открыты по субботам.

Ирина Белова: {{Ирина Белова}}Спасибо, Пётр.
"""

# 2 and 3. Headings inside speech; a talk followed by Q&A --------------------------

SOURCES["f02_talk_qa_en.md"] = """
# {{-}}Maps Nobody Asked For

**Dana Whitfield:** 00:00:00

{{Dana Whitfield}}Thank you. I want to start with a confession: I have drawn maps of places that do not exist.

## Why maps matter

A map is an argument. It says: this is here, and that is not. Every line is a decision somebody made.

When I started, I thought maps were neutral. They are not.

## Three lessons

First, the legend lies. Second, the scale lies. Third, the map-maker always forgets the river.

I will stop there, because I was told to leave time for questions.

## Q&A

**Audience 1:** {{Audience 1}}You said the legend lies. Which legend lied to you most?

**Dana Whitfield:** {{Dana Whitfield}}The one on my first city map. It called a landfill a park.

**Audience 2:** {{Audience 2}}Do you still draw imaginary places?

**Dana Whitfield:** {{Dana Whitfield}}Every weekend. It keeps me honest about the real ones.

**Audience 1:** {{Audience 1}}One more: what software do you use?

**Dana Whitfield:** {{Dana Whitfield}}A pencil, mostly.

**Audience:** {{Audience}}Thank you!
"""

SOURCES["f03_talk_qa_ru.md"] = """
# {{-}}Анна Крылова. Как слушать город

{{Анна Крылова}}Добрый вечер. Я расскажу, как мы записывали звуки города десять лет подряд.

## Начало

Сначала это была просто привычка: я выходила на балкон с диктофоном в семь утра.

Потом к нам присоединились студенты, и у нас появилась карта звуков.

## Что мы услышали

Город стал тише. Трамваев меньше, а птиц больше. Это неожиданный вывод, но он подтверждается записями.

* * *

## Вопросы из зала

Слушатель 1: {{Слушатель 1}}Скажите, а где хранятся записи?

Анна Крылова: {{Анна Крылова}}В университетском архиве, они открыты всем.

Слушатель 2: {{Слушатель 2}}Вы записываете и ночью?

Анна Крылова: {{Анна Крылова}}Да, ночью город честнее.

Слушатель 1: {{Слушатель 1}}А можно присоединиться?

Анна Крылова: {{Анна Крылова}}Конечно, пишите нам.

Зритель: {{Зритель}}Спасибо за лекцию!
"""

SOURCES["f02_headings_interview_ru.md"] = """
# {{-}}Интервью с пчеловодом

Вопрос: {{Вопрос}}Как вы начали держать пчёл?

Ответ: {{Ответ}}Дед подарил два улья на свадьбу. С тех пор не могу остановиться.

## Первые годы

Первые три зимы пчёлы погибали. Я читал всё, что находил, и ездил к старикам.

Вопрос: {{Вопрос}}Сколько у вас сейчас ульев?

Ответ: {{Ответ}}Сорок два.

## Мёд и деньги

Вопрос: {{Вопрос}}Это выгодно?

Ответ: {{Ответ}}В хороший год да. В плохой я просто люблю пчёл.
"""

# 4. One speaker with one mark --------------------------------------------------------

SOURCES["f04_one_mark_ru.txt"] = """
{{-}}Программа «Письма», выпуск 12

Н. ИВАНОВ: {{Н. Иванов}}Добрый вечер. Сегодня я снова читаю ваши письма.

Пишет Анна из Твери: «Мой отец сорок лет проработал на вагонном заводе. Он говорил так: работа не волк».

Следующее письмо. Виктор Семёнович из Рязани спрашивает: можно ли вернуть старое название улицы? Отвечу коротко: можно, но долго.

И последнее. Ученица седьмого класса пишет: «Я хочу стать диктором, что для этого нужно?» Нужно читать вслух каждый день.

До встречи через неделю.
"""

SOURCES["f04_one_mark_en.txt"] = """
HOST: {{Host}}Good evening, and welcome to Letters at Night.

Our first letter comes from Ruth in Dayton. She writes: "My father kept bees on the roof of a bank. Nobody ever asked him why."

Next, a question from Sam: why do we still call it dialing a phone? Short answer: habit.

Finally, a note from a listener who signs only as M. She says: keep reading the letters. I will.

Good night.
"""

# 5. Page chrome before the transcript ---------------------------------------------------

SOURCES["f05_chrome_ru.txt"] = """
{{-}}Подписаться на канал:
Telegram
Ирина Соколова - Особое мнение - 2019-03-02
02.03.2019
Скачать
Слушать

И.СОКОЛОВА: {{И. Соколова}}Здравствуйте, это «Особое мнение». Сегодня у нас Олег Журавлёв.

О.ЖУРАВЛЁВ: {{О. Журавлёв}}Добрый вечер.

И.СОКОЛОВА: {{И. Соколова}}Начнём с новостей недели. Что вы думаете о реформе?

О.ЖУРАВЛЁВ: {{О. Журавлёв}}Реформа нужна, но не такая. Её писали в спешке.

И.СОКОЛОВА: {{И. Соколова}}Почему вы так считаете?

О.ЖУРАВЛЁВ: {{О. Журавлёв}}Потому что в ней нет ни слова о деньгах. А без денег это просто текст.

И.СОКОЛОВА: {{И. Соколова}}Спасибо. Это было «Особое мнение».
"""

SOURCES["f05_chrome_en.txt"] = """
{{-}}Subscribe to the podcast:
Jane Doe - Morning Talk - 2021-05-04
04/05/2021
Download
Listen

- {{Interviewer}}Jane, you spent ten years on fishing boats. How did that start?

- {{Respondent}}By accident. I needed a summer job and the harbour was the only place hiring.

- {{Interviewer}}What surprised you most?

- {{Respondent}}How quiet it is. People imagine shouting, but mostly you listen to the engine.

- {{Interviewer}}Would you go back?

- {{Respondent}}Tomorrow, if my knees let me.
"""

# 6. Questions marked by emphasis ----------------------------------------------------------

SOURCES["f06_italic_ru.md"] = """
{{-}}Скрипач Алексей Морозов рассказал о гастролях и о том, почему он до сих пор занимается по шесть часов в день.

**О гастролях**

*{{Интервьюер}}Алексей, сколько городов вы объехали в этом году?*

{{Респондент}}Двадцать восемь. Я перестал считать после Самары.

*{{Интервьюер}}Что вы возите с собой, кроме скрипки?*

{{Респондент}}Чайник и книгу. Гостиничный чай пить невозможно.

**О работе**

*{{Интервьюер}}Правда, что вы занимаетесь по шесть часов?*

{{Респондент}}Правда. Иначе руки забывают.

*{{Интервьюер}}А отдыхаете когда?*

{{Респондент}}В поезде.
"""

SOURCES["f06_underscore_en.md"] = """
{{-}}The potter Lena Ross has fired her kiln for thirty years. We talked about clay, patience and broken cups.

_{{Interviewer}}When did you first touch clay?_

{{Respondent}}At nine, in a summer camp. I made an ashtray for my father, who didn't smoke.

_{{Interviewer}}What do you do with the pots that crack?_

{{Respondent}}I keep them on a shelf. They remind me that the fire decides.

_{{Interviewer}}Do you teach?_

{{Respondent}}On Thursdays. My students are better than I was.

**{{Interviewer}}What would you tell a beginner?**

{{Respondent}}Buy less clay than you think and waste more of it.
"""

DOCX["f06_italic_ru.docx"] = [
    ("", "{{-}}Фотограф Мария Лисина двадцать лет снимает северные деревни. Мы поговорили о плёнке и о людях."),
    ("i", "{{Интервьюер}}Почему именно север?"),
    ("", "{{Респондент}}Там свет другой. Летом он не заканчивается, и можно снимать ночью."),
    ("i", "{{Интервьюер}}Вы снимаете на плёнку?"),
    ("", "{{Респондент}}Только на плёнку. Цифра меня торопит."),
    ("i", "{{Интервьюер}}Как к вам относятся жители?"),
    ("", "{{Респондент}}Сначала настороженно. Потом зовут на чай и просят фотографии для внуков."),
    ("i", "{{Интервьюер}}Над чем вы работаете сейчас?"),
    ("", "{{Респондент}}Над книгой о печниках."),
]

DOCX["f06_italic_en.docx"] = [
    ("", "{{-}}Clockmaker Ben Hollis repairs tower clocks. He told us about ladders, pigeons and time."),
    ("i", "{{Interviewer}}How many tower clocks have you repaired?"),
    ("", "{{Respondent}}Sixty-one. The sixty-second is waiting for me in Leeds."),
    ("i", "{{Interviewer}}What breaks most often?"),
    ("", "{{Respondent}}Nothing breaks. Pigeons build nests, and the nests stop the hands."),
    ("i", "{{Interviewer}}Are you afraid of heights?"),
    ("", "{{Respondent}}Terribly. I never look down."),
]

# 7. Not an interview at all -----------------------------------------------------------------

SOURCES["f07_news_ru.txt"] = """
{{-}}В Вологде открылся новый мост через реку. Его строили три года, и движение по нему начнётся в понедельник.

Мост соединит два района города. По оценке мэрии, путь из одного в другой сократится на двадцать минут.

Жители давно ждали этой стройки. Старый мост закрыли ещё в 2019 году, после того как инженеры нашли трещины в опорах.

Стоимость работ составила около двух миллиардов рублей. Часть денег выделил федеральный бюджет.

Открытие пройдёт в субботу, в полдень. Перекрытия улиц продлятся до вечера.
"""

SOURCES["f07_essay_en.md"] = """
# {{-}}On Walking to Work

For six years I walked to work. It took forty minutes each way, and I never once regretted it.

Walking makes a city smaller. You learn which bakery opens first and which dog barks at the postman.

Why do we give this up so easily? Cars are faster, but they are also lonelier.

I do not want to preach. I only want to say that the forty minutes were the best part of my day.

Now I work from home, and I miss the walk more than the office.
"""

SOURCES["f07_column_ru.md"] = """
{{-}}**Колонка редактора**

Этой весной мы переезжаем. Редакция сменит старый особняк на три этажа в бизнес-центре.

Мне будет не хватать скрипучей лестницы и кота, который жил в архиве. Кот, к счастью, едет с нами.

Что изменится для читателей? Ничего. Газета выйдет в четверг, как всегда.

Переезд займёт две недели. Если мы ответим на ваше письмо позже обычного, простите нас.
"""

# 8. Named lines, then unnamed dashes ---------------------------------------------------------

SOURCES["f08_press_ru.txt"] = """
{{-}}Пресс-конференция губернатора прошла в четверг в здании правительства области.

Ольга Лебедева, газета «Север»:
– {{Ольга Лебедева}}Андрей Викторович, когда достроят школу в посёлке Луговой?

Андрей Волков, губернатор:
– {{Андрей Волков}}К сентябрю. Подрядчик отстаёт, но мы его поторопили.
– {{Ольга Лебедева}}А если не успеют?
– {{Андрей Волков}}Тогда будем искать другого подрядчика. Дети пойдут в школу в любом случае.

Максим Сорокин, «Радио 7»:
– {{Максим Сорокин}}Что с тарифами на автобусы?
– {{Андрей Волков}}Тарифы не поднимем до конца года.
– {{Максим Сорокин}}Это обещание?
– {{Андрей Волков}}Это решение.
"""

SOURCES["f08_press_en.txt"] = """
{{-}}The mayor took questions from reporters on Tuesday morning.

Karen Liu, Daily Courier:
- {{Karen Liu}}Mayor, when will the library reopen?

Mayor David Osei:
- {{David Osei}}In March. The roof took longer than we hoped.
- {{Karen Liu}}Will the hours change?
- {{David Osei}}They will be longer on weekends.

Paul Grant, Channel 4:
- {{Paul Grant}}What about the bus lanes on Main Street?
- {{David Osei}}They stay. The numbers are good.
- {{Paul Grant}}Even with the complaints?
- {{David Osei}}Especially with the complaints.
"""

# 9. Uppercase names without a colon, callers arriving late -----------------------------------

SOURCES["f09_radio_caps_ru.txt"] = """
{{-}}Радио «Город», программа «Утро», 14 мая.

С.КОРЗУН {{С. Корзун}}Здравствуйте, это программа «Утро». У нас в студии агроном Елена Волкова. Елена, добрый день.

Е.ВОЛКОВА {{Е. Волкова}}Добрый день.

С.КОРЗУН {{С. Корзун}}Когда сажать картошку?

Е.ВОЛКОВА {{Е. Волкова}}Когда зацветёт черёмуха. Это старое правило, и оно работает.

С.КОРЗУН {{С. Корзун}}У нас звонок. Слушаем вас.

ОЛЕГ — {{Олег}}Алло, добрый день. У меня вопрос про томаты. Они вытягиваются на подоконнике.

Е.ВОЛКОВА {{Е. Волкова}}Им не хватает света. Поставьте лампу или вынесите на балкон днём.

С.КОРЗУН {{С. Корзун}}Ещё один звонок.

МАРИНА — {{Марина}}Здравствуйте. Можно ли поливать огурцы холодной водой?

Е.ВОЛКОВА {{Е. Волкова}}Нельзя. Только тёплой, из бочки.

С.КОРЗУН {{С. Корзун}}Спасибо, Елена. Это была программа «Утро».
"""

SOURCES["f09_radio_caps_en.txt"] = """
{{-}}City Radio, The Garden Hour, May 14.

J.HARRIS {{J. Harris}}Good evening, this is The Garden Hour. With me is Pat Moore. Pat, welcome.

P.MOORE {{P. Moore}}Thanks, John.

J.HARRIS {{J. Harris}}We have a caller already. Go ahead.

KAREN — {{Karen}}Hi, my roses have black spots on the leaves. What do I do?

P.MOORE {{P. Moore}}Pick off the spotted leaves and water the soil, never the leaves.

J.HARRIS {{J. Harris}}Another caller.

STEVE — {{Steve}}Hello. Is it too late to plant garlic?

P.MOORE {{P. Moore}}Far too late. Wait for October.

J.HARRIS {{J. Harris}}That's all for tonight. Thank you, Pat.
"""

# 10. An introduction before unmarked questions and answers --------------------------------

SOURCES["f10_intro_ru.txt"] = """
{{-}}Режиссёр Павел Гусев снял фильм о смотрителях маяков. Он рассказал нашему изданию о съёмках на Белом море.

{{Интервьюер}}Павел, почему маяки?

{{Респондент}}Я вырос в Архангельске. Маяк был первым, что я видел с парома.

{{Интервьюер}}Сколько длились съёмки?

{{Респондент}}Два лета. Зимой туда не добраться.

{{Интервьюер}}Смотрители согласились сниматься сразу?

{{Респондент}}Нет. Первый месяц мы просто жили рядом и помогали по хозяйству.

{{Интервьюер}}Когда премьера?

{{Респондент}}Осенью, на фестивале в Выборге.
"""

SOURCES["f10_intro_en.txt"] = """
{{-}}Chef Rosa Alvarez opened her first restaurant at sixty. She told us about late starts and early mornings.

{{Interviewer}}Why open a restaurant at sixty?

{{Respondent}}Because at fifty I was still afraid. At sixty I was only tired, and tired is easier.

{{Interviewer}}What is on the menu?

{{Respondent}}Whatever the market has. Today, beans and a very good fish.

{{Interviewer}}Do you cook every night?

{{Respondent}}Every night except Monday. On Monday I eat somebody else's food.
"""

# 11. Mixed layouts in one document ----------------------------------------------------------

SOURCES["f11_mixed_ru.md"] = """
{{-}}Выступление и беседа записаны на фестивале «Книжная улица».

**Вера Миронова:** {{Вера Миронова}}Я пишу книги для детей двадцать лет. Сегодня расскажу, как рождается сказка.

Всё начинается с вопроса, который задаёт ребёнок. Мой сын однажды спросил, где ночует ветер.

Так появилась первая книга.

---

{{-}}После выступления писательница ответила на вопросы корреспондента.

– {{Интервьюер}}Вера, вы проверяете книги на детях?

– {{Респондент}}Только на своих. Они самые строгие критики.

– {{Интервьюер}}А что дальше?

– {{Респондент}}Книга о том, куда уходят потерянные варежки.
"""

SOURCES["f11_mixed_en.md"] = """
{{-}}Home | Episodes | About

Episode 17 - Night Trains
Listen on your favourite app

* * *

NORA: {{Nora}}Welcome to Slow Travel. Today I'm talking to Ivan, who has taken every night train in Europe.

IVAN: {{Ivan}}Almost every one. Two were cancelled.

NORA: {{Nora}}Which one is the best?

IVAN: {{Ivan}}The one from Vienna to Rome. You fall asleep in snow and wake up in sunshine.

NORA: {{Nora}}And the worst?

IVAN: {{Ivan}}I won't name it. The heating worked only in the corridor.

NORA: {{Nora}}Thanks, Ivan.
"""

# Issue 13: abbreviations, non-speech markers, podcast roles ---------------------------------

SOURCES["f13_podcast_abbrev_en.md"] = """
{{-}}# Episode 8: The Morning Show Years

**BAG:** {{BAG}}Welcome back. I'm here with JT, who worked on morning TV for twelve years. JT, how did you get in?

**JT:** {{JT}}I answered phones for a weather man. He quit, and I got his desk.

{{-}}[laughs]

**BAG:** {{BAG}}What was a normal day?

**JT:** {{JT}}Up at three, on air at six, asleep by eight in the evening. My BF hated it.

{{-}}**Break:** [19:29]

[music]

**BAG:** {{BAG}}We're back. Did you ever freeze on air?

**JT:** {{JT}}Once. A goat walked into the studio during the news.

**BAG:** {{BAG}}A goat?

**JT:** {{JT}}A very calm goat. The TV crew loved it.

{{-}}Jingle

**BAG:** {{BAG}}That's the show. Thank you, JT.
"""

SOURCES["f13_podcast_ru.md"] = """
{{-}}# Выпуск 21. Как мы ушли в лес

**МАША:** {{МАША}}Привет! Сегодня со мной Дима, который два года жил в избушке на Алтае. Дима, зачем?

**ДИМА:** {{ДИМА}}Устал от города. Хотелось тишины и понять, смогу ли.

**МАША:** {{МАША}}И как, смог?

**ДИМА:** {{ДИМА}}Первую зиму еле пережил. Дрова кончились в феврале.

{{-}}[смеётся]

**Перерыв:** [14:02]

**МАША:** {{МАША}}Мы снова здесь. Что было самым трудным?

**ДИМА:** {{ДИМА}}Не холод, а одиночество. Я начал разговаривать с печкой.

**МАША:** {{МАША}}А вернулся почему?

**ДИМА:** {{ДИМА}}Сломал ногу. Пришлось спускаться к людям.

{{-}}[музыка]

**МАША:** {{МАША}}Спасибо, Дима! Это был «Лесной подкаст».
"""

# -- A second batch, written after the layouts were changed, to check they generalise -----

SOURCES["g01_front_matter_guests_en.md"] = """
---
{{-}}title: Night shift
episode: 12
hosts:
  - name: Sarah Kim
guests:
  - name: Omar Haddad
description: "Omar drives a night bus. Topics: sleep, regulars, coffee."
---

Sarah Kim  00:00:04
{{Sarah Kim}}Omar, what time does your shift start?

Omar Haddad  00:00:09
{{Omar Haddad}}Eleven at night. I finish when the bakeries open.

Sarah Kim  00:00:15
{{Sarah Kim}}Do you have regulars?

Omar Haddad  00:00:18
{{Omar Haddad}}A nurse, two cooks and a man who only rides to think. He never gets off before the end.

Sarah Kim  00:00:31
{{Sarah Kim}}And how do you sleep in the day?

Omar Haddad  00:00:35
{{Omar Haddad}}Badly. Blackout curtains and earplugs, and still the neighbour's dog wins.
"""

SOURCES["g02_talk_headings_ru.md"] = """
# {{-}}Игорь Савин: как строить дома из соломы

**Игорь Савин:** 00:00:00

{{Игорь Савин}}Спасибо, что пришли. Двадцать лет назад я построил первый соломенный дом, и все соседи смеялись.

### Почему солома

Солома тёплая, дешёвая и растёт каждый год. Главное: держать её сухой.

### Ошибки

Первая крыша протекла. Вторая тоже. Третью я делал уже с плотником.

## Вопросы и ответы

**Вопрос из зала:** {{Вопрос из зала}}А пожара вы не боитесь?

**Игорь Савин:** {{Игорь Савин}}Плотный тюк горит хуже бруса. Мы проверяли на полигоне.

**Вопрос из зала:** {{Вопрос из зала}}Сколько стоит такой дом?

**Игорь Савин:** {{Игорь Савин}}Примерно вдвое дешевле кирпичного.
"""

SOURCES["g03_talk_qa_en.md"] = """
# {{-}}Lessons from a Small Orchard

{{A}}Thanks for having me. I planted forty apple trees eleven years ago, and I have learned more from the dead ones than from the living.

## Soil

Nobody looks at soil until something dies. Look at it first.

## Patience

The first real harvest came in year six. Year five, a deer ate everything.

That is the whole talk, really.

---

Q: {{Q}}What variety would you plant again?

A: {{A}}Anything the old farmer next door already grows.

Q: {{Q}}How do you keep deer out?

A: {{A}}A tall fence and a loud dog.
"""

SOURCES["g04_one_mark_ru.txt"] = """
{{-}}Радиоэссе. Выпуск о старых письмах.

Т. ФЕЛЬГЕНГАУЭР: {{Т. Фельгенгауэр}}Этот конверт пролежал в шкафу тридцать лет. На нём написано: «Вскрыть, когда вырастешь».

Бабушка писала просто. Первая строка: «Здравствуй, внучка». Последняя: «Не забывай поливать герань».

Между ними — вся её жизнь: война, эвакуация, завод, огород под Коломной.

Я до сих пор поливаю герань.
"""

SOURCES["g05_chrome_ru.md"] = """
{{-}}[Главная](/) / [Программы](/programs) / Разворот

Поделиться:

Ведущие: Анна Ким, Пётр Лис
Гость: Сергей Белов
12.04.2020

**А.КИМ:** {{А. Ким}}Добрый вечер, это «Разворот». Сергей, здравствуйте.

**С.БЕЛОВ:** {{С. Белов}}Здравствуйте.

**П.ЛИС:** {{П. Лис}}Сергей, что происходит с ценами на жильё?

**С.БЕЛОВ:** {{С. Белов}}Растут, но медленнее, чем год назад. Спрос упал.

**А.КИМ:** {{А. Ким}}А ипотека?

**С.БЕЛОВ:** {{С. Белов}}Ипотека держит рынок. Без неё продажи упали бы вдвое.
"""

SOURCES["g06_italic_answers_ru.md"] = """
{{-}}Мы поговорили с архитектором Ниной Шестаковой о деревянных домах и о том, зачем их сохранять.

*{{Интервьюер}}Нина, с чего началась ваша любовь к дереву?*

{{Респондент}}С дедушкиного дома в Кирове. В нём пахло смолой даже зимой.

Когда его снесли, я поняла, что хочу спасать такие дома.

*{{Интервьюер}}Сколько домов удалось спасти?*

{{Респондент}}Двенадцать. Ещё три в работе.

*{{Интервьюер}}Расскажите о самом трудном.*

{{Респондент}}Дом купца Шмелёва. Его трижды пытались поджечь.
"""

SOURCES["g07_news_list_en.txt"] = """
{{-}}The city council approved a new budget on Monday after a four-hour meeting.

The budget includes:
- two new bus routes,
- repairs to the central library,
- longer opening hours for public pools.

Council member Ruth Avery said the library repairs were overdue. "The roof has leaked for three winters," she said.

The budget takes effect in July.
"""

SOURCES["g07_story_ru.txt"] = """
{{-}}Утром в деревню пришёл туман. Он лёг на огороды, на крыши, на старую церковь без креста.

Бабушка вышла на крыльцо и долго смотрела на реку. Реки не было видно.

– Ничего, – сказала она сама себе, – к обеду разойдётся.

К обеду туман действительно разошёлся, и стало видно, что за ночь река поднялась почти до бань.
"""

SOURCES["g08_press_ru.txt"] = """
{{-}}На брифинге после заседания штаба журналисты спросили о ремонте дорог.

Наталья Громова, «Вечерний город»:
– {{Наталья Громова}}Когда закончат ремонт на Ленина?

Глава города Игорь Лебедев:
– {{Игорь Лебедев}}В августе. Там меняют трубы, поэтому долго.
– {{Наталья Громова}}А объезд?
– {{Игорь Лебедев}}Объезд по Садовой, автобусы пустили там же.

Денис Орлов, портал «Край»:
– {{Денис Орлов}}Сколько стоит ремонт?
– {{Игорь Лебедев}}Около двухсот миллионов.
"""

SOURCES["g09_radio_caps_ru.txt"] = """
{{-}}«Разговор по существу», прямой эфир.

НАТАЛЬЯ ЛЕВИНА {{Наталья Левина}}Добрый вечер. Сегодня говорим о платных дорогах. В студии экономист Артём Соколов.

АРТЁМ СОКОЛОВ {{Артём Соколов}}Добрый вечер.

НАТАЛЬЯ ЛЕВИНА {{Наталья Левина}}Артём, платные дороги — это надолго?

АРТЁМ СОКОЛОВ {{Артём Соколов}}Надолго. Бюджет не потянет их содержание.

НАТАЛЬЯ ЛЕВИНА {{Наталья Левина}}У нас слушатель на линии.

СЛУШАТЕЛЬ — {{Слушатель}}Здравствуйте. А почему тогда бесплатные дороги такие плохие?

АРТЁМ СОКОЛОВ {{Артём Соколов}}Потому что на них денег ещё меньше.

ВЛАДИМИР — {{Владимир}}Алло, я из Твери. У нас платной дороги нет, а ямы есть.

НАТАЛЬЯ ЛЕВИНА {{Наталья Левина}}Спасибо, Владимир. На этом всё.
"""

SOURCES["g10_intro_en.md"] = """
{{-}}Mira Patel teaches chess in a prison in Ohio. We met her after a Thursday class.

She asked us not to name the students.

{{Interviewer}}How did you start teaching here?

{{Respondent}}A friend worked in the library. They had boards and nobody to teach.

The first class had three students. Now it has twenty.

{{Interviewer}}Tell me about the best player.

{{Respondent}}He beat me in eleven moves. I still think about that game.

{{Interviewer}}What does chess give them?

{{Respondent}}An hour where nobody tells them what to do next.
"""

SOURCES["g13_podcast_en.txt"] = """
{{-}}Intro music

[00:00:05] KT: {{KT}}Hey everyone, welcome to Small Bites. I'm KT, and with me is DJ. DJ, what did you cook this week?

[00:00:12] DJ: {{DJ}}Soup. Six kinds of soup. My freezer is full.

{{-}}(laughter)

[00:00:20] KT: {{KT}}Why six?

[00:00:22] DJ: {{DJ}}I couldn't decide, so I made all of them.

{{-}}[AD BREAK]

[00:14:40] KT: {{KT}}We're back. Which soup won?

[00:14:44] DJ: {{DJ}}Lentil. It always wins.

[00:14:50] KT: {{KT}}That's the show. Bye, everyone!
"""

DOCX["g06_bold_questions_en.docx"] = [
    ("", "{{-}}Beekeeper Alan Frost keeps ninety hives on a hill above Bath."),
    ("b", "Early years"),
    ("b", "{{Interviewer}}When did you get your first hive?"),
    ("", "{{Respondent}}At twelve. My uncle gave it to me so I would stop asking about his."),
    ("b", "{{Interviewer}}Were you stung a lot?"),
    ("", "{{Respondent}}Every day for a month. Then the bees and I came to an agreement."),
    ("b", "{{Interviewer}}What is the hardest season?"),
    ("", "{{Respondent}}Late winter. You can only wait and hope."),
]

SOURCES["g06_heading_questions_ru.md"] = """
# {{-}}Хирург Елена Носова: «Я боюсь только скуки»

{{-}}Елена Носова двадцать лет оперирует в районной больнице. Мы спросили её о работе и о страхе.

## {{Интервьюер}}Почему вы выбрали хирургию?

{{Респондент}}Потому что там сразу видно результат. Терапевт ждёт неделями, хирург знает через час.

## {{Интервьюер}}Бывает страшно?

{{Респондент}}Перед первой операцией было. Теперь страшно только скучать.

Скучать я не успеваю.

## {{Интервьюер}}Что бы вы сказали студентам?

{{Респондент}}Спите, пока можете.
"""

SOURCES["g11_rule_parts_ru.txt"] = """
{{-}}Беседовала Анна Петрова.

* * *

– {{Интервьюер}}Вы помните свой первый рабочий день?

– {{Респондент}}Помню. Я перепутала кабинеты и полдня просидела в бухгалтерии.

* * *

– {{Интервьюер}}Расскажите о самом трудном годе.

– {{Респондент}}Девяносто восьмой. Зарплату выдавали мылом.
"""

SOURCES["g11_no_rule_en.txt"] = """
HOST: {{Host}}Good evening. Tonight's guest built a boat in her garage over nine winters, and then sailed it to Ireland.

She says she is not brave, only stubborn. Let's find out.

- {{Interviewer}}Why a boat, of all things?

- {{Respondent}}My father drew boats on napkins. I wanted one of them to float.

- {{Interviewer}}Were you ever afraid at sea?

- {{Respondent}}Every night. In the morning it passed.
"""
