<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message>
        <source>&amp;Import transcripts…</source>
        <translation>&amp;Импорт расшифровок…</translation>
    </message>
    <message>
        <source>Import transcript files or a folder</source>
        <translation>Импортировать файлы расшифровок или папку</translation>
    </message>
    <message>
        <source>&amp;Export dataset…</source>
        <translation>&amp;Экспорт набора данных…</translation>
    </message>
    <message>
        <source>Export the project&apos;s annotations as a dataset</source>
        <translation>Выгрузить разметку проекта как набор данных</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Открыть проект…</translation>
    </message>
    <message>
        <source>Open or create another project file</source>
        <translation>Открыть или создать другой файл проекта</translation>
    </message>
    <message>
        <source>Annotator &amp;name…</source>
        <translation>Имя &amp;разметчика…</translation>
    </message>
    <message>
        <source>Set the name recorded on every span you tag, accept or reject (default: your user name)</source>
        <translation>Задать имя, которое записывается в каждый размеченный, принятый или отклонённый вами фрагмент (по умолчанию — имя пользователя)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Close the window; everything is already saved</source>
        <translation>Закрыть окно; всё уже сохранено</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>Undo the last edit, in any document</source>
        <translation>Отменить последнюю правку в любом документе</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Redo the edit last undone</source>
        <translation>Повторить последнюю отменённую правку</translation>
    </message>
    <message>
        <source>&amp;Find in document…</source>
        <translation>&amp;Найти в документе…</translation>
    </message>
    <message>
        <source>Search this document; hits are highlighted</source>
        <translation>Поиск в этом документе; найденное подсвечивается</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Найти &amp;далее</translation>
    </message>
    <message>
        <source>Next hit of the search</source>
        <translation>Следующее совпадение</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>Найти на&amp;зад</translation>
    </message>
    <message>
        <source>Previous hit of the search</source>
        <translation>Предыдущее совпадение</translation>
    </message>
    <message>
        <source>&amp;Close find bar</source>
        <translation>&amp;Закрыть панель поиска</translation>
    </message>
    <message>
        <source>Close the find bar and clear its hits</source>
        <translation>Закрыть панель поиска и снять подсветку найденного</translation>
    </message>
    <message>
        <source>&amp;Search all documents…</source>
        <translation>По&amp;иск по всем документам…</translation>
    </message>
    <message>
        <source>Full-text search over every document, finding inflected forms and ё/е variants</source>
        <translation>Полнотекстовый поиск по всем документам: находит словоформы и варианты с ё/е</translation>
    </message>
    <message>
        <source>Tag as {label}</source>
        <translation>Разметить как {label}</translation>
    </message>
    <message>
        <source>Tag the selected words with the label of that hotkey; with no selection, retag the span at the cursor</source>
        <translation>Пометить выделенные слова меткой с этой клавишей; без выделения — сменить метку фрагмента под курсором</translation>
    </message>
    <message>
        <source>&amp;Accept suggestion</source>
        <translation>&amp;Принять подсказку</translation>
    </message>
    <message>
        <source>Accept the suggestion at the cursor</source>
        <translation>Принять подсказку под курсором</translation>
    </message>
    <message>
        <source>&amp;Reject or delete span</source>
        <translation>&amp;Отклонить или удалить фрагмент</translation>
    </message>
    <message>
        <source>Reject the suggestion at the cursor (it stays hidden) or delete a person&apos;s span</source>
        <translation>Отклонить подсказку под курсором (она остаётся скрытой) или удалить фрагмент, размеченный человеком</translation>
    </message>
    <message>
        <source>&amp;Cycle overlapping spans</source>
        <translation>Перебрать &amp;вложенные фрагменты</translation>
    </message>
    <message>
        <source>Make the next of several nested or overlapping spans at the cursor the current one</source>
        <translation>Сделать текущим следующий из вложенных или пересекающихся фрагментов под курсором</translation>
    </message>
    <message>
        <source>Extend end by a word</source>
        <translation>Расширить конец на слово</translation>
    </message>
    <message>
        <source>Move the span&apos;s end one word right</source>
        <translation>Сдвинуть конец фрагмента на слово вправо</translation>
    </message>
    <message>
        <source>Shrink end by a word</source>
        <translation>Сузить конец на слово</translation>
    </message>
    <message>
        <source>Move the span&apos;s end one word left</source>
        <translation>Сдвинуть конец фрагмента на слово влево</translation>
    </message>
    <message>
        <source>Extend start by a word</source>
        <translation>Расширить начало на слово</translation>
    </message>
    <message>
        <source>Move the span&apos;s start one word left</source>
        <translation>Сдвинуть начало фрагмента на слово влево</translation>
    </message>
    <message>
        <source>Shrink start by a word</source>
        <translation>Сузить начало на слово</translation>
    </message>
    <message>
        <source>Move the span&apos;s start one word right</source>
        <translation>Сдвинуть начало фрагмента на слово вправо</translation>
    </message>
    <message>
        <source>Accept all in &amp;turn</source>
        <translation>Принять всё в &amp;реплике</translation>
    </message>
    <message>
        <source>Accept every suggestion in the current turn</source>
        <translation>Принять все подсказки в текущей реплике</translation>
    </message>
    <message>
        <source>Accept all in &amp;document</source>
        <translation>Принять всё в &amp;документе</translation>
    </message>
    <message>
        <source>Accept every suggestion in the document</source>
        <translation>Принять все подсказки в документе</translation>
    </message>
    <message>
        <source>&amp;Propagate tag…</source>
        <translation>Р&amp;аспространить метку…</translation>
    </message>
    <message>
        <source>Tag identical untagged text in the document like the span at the cursor, after a preview</source>
        <translation>Пометить такой же неразмеченный текст в документе, как фрагмент под курсором, после предпросмотра</translation>
    </message>
    <message>
        <source>Re-run the &amp;model</source>
        <translation>Перезапустить &amp;модель</translation>
    </message>
    <message>
        <source>Run natasha again on this document; nothing a person accepted, changed or rejected comes back</source>
        <translation>Снова запустить natasha на этом документе; ничего из принятого, изменённого или отклонённого человеком не вернётся</translation>
    </message>
    <message>
        <source>Document &amp;language…</source>
        <translation>&amp;Язык документа…</translation>
    </message>
    <message>
        <source>Set the language of this document&apos;s text; a re-run of the model then uses it</source>
        <translation>Задать язык текста документа; повторный запуск модели учтёт его</translation>
    </message>
    <message>
        <source>Suggestion &amp;source…</source>
        <translation>&amp;Источник подсказок…</translation>
    </message>
    <message>
        <source>Choose where suggestions come from: natasha (Russian) or any installed spaCy pipeline, spacy:NAME</source>
        <translation>Выбрать, откуда берутся подсказки: natasha (русский) или любой установленный конвейер spaCy, spacy:ИМЯ</translation>
    </message>
    <message>
        <source>&amp;Label schema…</source>
        <translation>&amp;Схема меток…</translation>
    </message>
    <message>
        <source>Edit labels: name, colour, hotkey, description</source>
        <translation>Изменить метки: имя, цвет, клавишу, описание</translation>
    </message>
    <message>
        <source>Give turn to {speaker}</source>
        <translation>Отдать реплику: {speaker}</translation>
    </message>
    <message>
        <source>Set the speaker of the current turn (speakers in the Speakers panel&apos;s order)</source>
        <translation>Назначить говорящего текущей реплики (говорящие в порядке панели «Говорящие»)</translation>
    </message>
    <message>
        <source>&amp;Split turn at cursor</source>
        <translation>&amp;Разделить реплику по курсору</translation>
    </message>
    <message>
        <source>Split the turn at the cursor into two</source>
        <translation>Разделить реплику под курсором на две</translation>
    </message>
    <message>
        <source>&amp;Merge with previous</source>
        <translation>&amp;Объединить с предыдущей</translation>
    </message>
    <message>
        <source>Merge the current turn into the one before</source>
        <translation>Присоединить текущую реплику к предыдущей</translation>
    </message>
    <message>
        <source>&amp;Re-alternate from here</source>
        <translation>&amp;Поменять роли отсюда</translation>
    </message>
    <message>
        <source>Swap interviewer and respondent from the current turn to the end of the run</source>
        <translation>Поменять местами интервьюера и респондента от текущей реплики до конца чередования</translation>
    </message>
    <message>
        <source>Re&amp;name speaker…</source>
        <translation>Пере&amp;именовать говорящего…</translation>
    </message>
    <message>
        <source>Rename the current turn&apos;s speaker everywhere</source>
        <translation>Переименовать говорящего текущей реплики везде</translation>
    </message>
    <message>
        <source>&amp;Add speaker…</source>
        <translation>&amp;Добавить говорящего…</translation>
    </message>
    <message>
        <source>Add a speaker to this document</source>
        <translation>Добавить говорящего в этот документ</translation>
    </message>
    <message>
        <source>S&amp;wap interviewer and respondent</source>
        <translation>Поменять &amp;роли интервьюера и респондента</translation>
    </message>
    <message>
        <source>Swap the two roles for the whole document, when the guess was the wrong way round</source>
        <translation>Поменять две роли во всём документе, если их угадали наоборот</translation>
    </message>
    <message>
        <source>Re-detect &amp;layout…</source>
        <translation>Заново определить &amp;разбивку…</translation>
    </message>
    <message>
        <source>Find this document&apos;s turns again with a layout you choose: preview first, then one undoable edit</source>
        <translation>Заново найти реплики документа по выбранной разбивке: сначала предпросмотр, затем одна отменяемая правка</translation>
    </message>
    <message>
        <source>&amp;Next entity</source>
        <translation>&amp;Следующая сущность</translation>
    </message>
    <message>
        <source>Go to the next entity</source>
        <translation>Перейти к следующей сущности</translation>
    </message>
    <message>
        <source>&amp;Previous entity</source>
        <translation>&amp;Предыдущая сущность</translation>
    </message>
    <message>
        <source>Go to the previous entity</source>
        <translation>Перейти к предыдущей сущности</translation>
    </message>
    <message>
        <source>Next &amp;suggestion</source>
        <translation>Следующая по&amp;дсказка</translation>
    </message>
    <message>
        <source>Go to the next unresolved suggestion</source>
        <translation>Перейти к следующей нерешённой подсказке</translation>
    </message>
    <message>
        <source>Previous s&amp;uggestion</source>
        <translation>Предыдущая подс&amp;казка</translation>
    </message>
    <message>
        <source>Go to the previous unresolved suggestion</source>
        <translation>Перейти к предыдущей нерешённой подсказке</translation>
    </message>
    <message>
        <source>&amp;Go to turn…</source>
        <translation>Перейти к &amp;реплике…</translation>
    </message>
    <message>
        <source>Go to a turn by its number</source>
        <translation>Перейти к реплике по номеру</translation>
    </message>
    <message>
        <source>Next &amp;panel</source>
        <translation>Следующая п&amp;анель</translation>
    </message>
    <message>
        <source>Move the focus to the next panel</source>
        <translation>Перевести фокус на следующую панель</translation>
    </message>
    <message>
        <source>Previous p&amp;anel</source>
        <translation>Предыдущая па&amp;нель</translation>
    </message>
    <message>
        <source>Move the focus to the previous panel</source>
        <translation>Перевести фокус на предыдущую панель</translation>
    </message>
    <message>
        <source>Mark &amp;done, open next</source>
        <translation>&amp;Готово, открыть следующий</translation>
    </message>
    <message>
        <source>Mark the document done and open the next one that is not done</source>
        <translation>Отметить документ готовым и открыть следующий неготовый</translation>
    </message>
    <message>
        <source>Next &amp;document</source>
        <translation>Следующий док&amp;умент</translation>
    </message>
    <message>
        <source>Open the next document in the list</source>
        <translation>Открыть следующий документ списка</translation>
    </message>
    <message>
        <source>Previous d&amp;ocument</source>
        <translation>Предыдущий д&amp;окумент</translation>
    </message>
    <message>
        <source>Open the previous document in the list</source>
        <translation>Открыть предыдущий документ списка</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>&amp;Сверка…</translation>
    </message>
    <message>
        <source>Agreement between annotators, their disagreements side by side, and the model against the people</source>
        <translation>Согласие разметчиков, их расхождения рядом друг с другом и модель против людей</translation>
    </message>
    <message>
        <source>&amp;Merge projects…</source>
        <translation>&amp;Объединить проекты…</translation>
    </message>
    <message>
        <source>Bring other annotators&apos; project files or native JSONL exports into this project, one layer each</source>
        <translation>Добавить в этот проект файлы проектов других разметчиков или их родные выгрузки JSONL, каждый отдельным слоем</translation>
    </message>
    <message>
        <source>Next disagreement</source>
        <translation>Следующее расхождение</translation>
    </message>
    <message>
        <source>Previous disagreement</source>
        <translation>Предыдущее расхождение</translation>
    </message>
    <message>
        <source>Previous one</source>
        <translation>Предыдущее</translation>
    </message>
    <message>
        <source>Choose &amp;A</source>
        <translation>Выбрать &amp;A</translation>
    </message>
    <message>
        <source>Settle it as annotator A has it</source>
        <translation>Решить так, как у разметчика A</translation>
    </message>
    <message>
        <source>Choose &amp;B</source>
        <translation>Выбрать &amp;B</translation>
    </message>
    <message>
        <source>Settle it as annotator B has it</source>
        <translation>Решить так, как у разметчика B</translation>
    </message>
    <message>
        <source>Take bo&amp;th</source>
        <translation>Взять &amp;оба</translation>
    </message>
    <message>
        <source>Keep both annotators&apos; spans</source>
        <translation>Оставить фрагменты обоих разметчиков</translation>
    </message>
    <message>
        <source>&amp;Neither</source>
        <translation>&amp;Ни один</translation>
    </message>
    <message>
        <source>Keep neither</source>
        <translation>Не оставлять ни один</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Show this list</source>
        <translation>Показать этот список</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Правка</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>Разметка</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Реплики</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Навигация</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Сверка</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>клавиши</translation>
    </message>
    <message>
        <source>menu</source>
        <translation>меню</translation>
    </message>
    <message>
        <source>what it does</source>
        <translation>что делает</translation>
    </message>
    <message>
        <source>Review window</source>
        <translation>Окно сверки</translation>
    </message>
    <message>
        <source>Select some words first, then give them a label.</source>
        <translation>Сначала выделите слова, затем дайте им метку.</translation>
    </message>
    <message>
        <source>«{surface}» is only punctuation; select a word to tag.</source>
        <translation>«{surface}» — только знаки препинания; выделите слово.</translation>
    </message>
    <message>
        <source>A tag must lie inside one turn&apos;s speech; select within a single turn.</source>
        <translation>Метка должна лежать внутри речи одной реплики; выделяйте в пределах одной реплики.</translation>
    </message>
    <message>
        <source>«{surface}» is already tagged {label}.</source>
        <translation>«{surface}» уже помечено как {label}.</translation>
    </message>
    <message>
        <source>Tag «{text}» as {label}</source>
        <translation>Пометить «{text}» как {label}</translation>
    </message>
    <message>
        <source>Delete {label} «{text}»</source>
        <translation>Удалить {label} «{text}»</translation>
    </message>
    <message>
        <source>No unresolved suggestion here.</source>
        <translation>Здесь нет нерешённой подсказки.</translation>
    </message>
    <message>
        <source>Accept {count} suggestions</source>
        <translation>Принять подсказки: {count}</translation>
    </message>
    <message>
        <source>Accept {label} «{text}»</source>
        <translation>Принять {label} «{text}»</translation>
    </message>
    <message>
        <source>Reject {count} suggestions</source>
        <translation>Отклонить подсказки: {count}</translation>
    </message>
    <message>
        <source>Reject {label} «{text}»</source>
        <translation>Отклонить {label} «{text}»</translation>
    </message>
    <message>
        <source>Already {label}.</source>
        <translation>Уже {label}.</translation>
    </message>
    <message>
        <source>That text is already tagged {label}; delete one of the two spans instead.</source>
        <translation>Этот текст уже помечен как {label}; удалите лучше один из двух фрагментов.</translation>
    </message>
    <message>
        <source>Retag «{text}» as {label}</source>
        <translation>Сменить метку «{text}» на {label}</translation>
    </message>
    <message>
        <source>Retag {count} spans as {label}</source>
        <translation>Сменить метку фрагментов ({count}) на {label}</translation>
    </message>
    <message>
        <source>This span lies outside every turn.</source>
        <translation>Этот фрагмент лежит вне реплик.</translation>
    </message>
    <message>
        <source>A span cannot shrink to nothing; delete it instead.</source>
        <translation>Фрагмент нельзя сузить до пустого; удалите его.</translation>
    </message>
    <message>
        <source>The span already reaches the edge of its turn.</source>
        <translation>Фрагмент уже доходит до края реплики.</translation>
    </message>
    <message>
        <source>Resize «{text}»</source>
        <translation>Изменить границы «{text}»</translation>
    </message>
    <message>
        <source>No untagged «{text}» left in this document.</source>
        <translation>В этом документе не осталось неразмеченных «{text}».</translation>
    </message>
    <message>
        <source>Propagate {label} «{text}» ×{count}</source>
        <translation>Распространить {label} «{text}» ×{count}</translation>
    </message>
    <message>
        <source>Accept {count} suggestion(s) in turn {number}</source>
        <translation>Принять подсказки в реплике {number}: {count}</translation>
    </message>
    <message>
        <source>Accept all {count} suggestion(s)</source>
        <translation>Принять все подсказки: {count}</translation>
    </message>
    <message>
        <source>The model found nothing it had not suggested before.</source>
        <translation>Модель не нашла ничего, чего не предлагала раньше.</translation>
    </message>
    <message>
        <source>Re-run the model: {count} new suggestion(s)</source>
        <translation>Перезапуск модели: новых подсказок — {count}</translation>
    </message>
    <message>
        <source>There is no speaker {speaker} in this document.</source>
        <translation>В этом документе нет говорящего {speaker}.</translation>
    </message>
    <message>
        <source>Already {speaker}&apos;s turn.</source>
        <translation>Реплика уже принадлежит говорящему {speaker}.</translation>
    </message>
    <message>
        <source>This turn is not in a run of interviewer and respondent turns.</source>
        <translation>Эта реплика не входит в чередование реплик интервьюера и респондента.</translation>
    </message>
    <message>
        <source>Re-alternate {count} turns</source>
        <translation>Поменять роли в репликах: {count}</translation>
    </message>
    <message>
        <source>Put the cursor inside a turn to split it.</source>
        <translation>Чтобы разделить реплику, поставьте курсор внутрь неё.</translation>
    </message>
    <message>
        <source>Split {speaker}&apos;s turn</source>
        <translation>Разделить реплику: {speaker}</translation>
    </message>
    <message>
        <source>The first turn has no turn before it to merge with.</source>
        <translation>У первой реплики нет предыдущей, с которой её можно объединить.</translation>
    </message>
    <message>
        <source>Merge {speaker}&apos;s turn into the one before</source>
        <translation>Присоединить реплику ({speaker}) к предыдущей</translation>
    </message>
    <message>
        <source>Swapping roles needs one interviewer and one respondent; set the roles in the Speakers panel.</source>
        <translation>Чтобы поменять роли, нужны один интервьюер и один респондент; задайте роли на панели «Говорящие».</translation>
    </message>
    <message>
        <source>Swap the roles of {a} and {b}</source>
        <translation>Поменять роли: {a} и {b}</translation>
    </message>
    <message>
        <source>A speaker needs a name.</source>
        <translation>У говорящего должно быть имя.</translation>
    </message>
    <message>
        <source>Unknown role {role}.</source>
        <translation>Неизвестная роль {role}.</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>Менять нечего.</translation>
    </message>
    <message>
        <source>There is already a speaker named {name}.</source>
        <translation>Говорящий с именем {name} уже есть.</translation>
    </message>
    <message>
        <source>Rename {old} to {new}</source>
        <translation>Переименовать {old} в {new}</translation>
    </message>
    <message>
        <source>Make {name} {role}</source>
        <translation>Роль {name}: {role}</translation>
    </message>
    <message>
        <source>Add speaker {name}</source>
        <translation>Добавить говорящего {name}</translation>
    </message>
    <message>
        <source>{count} span(s) would fall on a speaker mark or across a turn, the first «{text}»; delete or move them first, or choose another layout.</source>
        <translation>Фрагментов, которые попали бы на пометку говорящего или через границу реплики: {count}, первый — «{text}»; сначала удалите или сдвиньте их либо выберите другую разбивку.</translation>
    </message>
    <message>
        <source>Re-detect turns: {layout} ({count} turns)</source>
        <translation>Заново найти реплики: {layout} (реплик: {count})</translation>
    </message>
    <message>
        <source>A language is a two- or three-letter code such as ru or en, not {language}.</source>
        <translation>Язык задаётся кодом из двух-трёх букв, например ru или en, а не {language}.</translation>
    </message>
    <message>
        <source>The document&apos;s language is {language} already.</source>
        <translation>Язык документа уже {language}.</translation>
    </message>
    <message>
        <source>Set the language to {language}</source>
        <translation>Язык документа: {language}</translation>
    </message>
    <message>
        <source>Unknown document status {status}.</source>
        <translation>Неизвестный статус документа {status}.</translation>
    </message>
    <message>
        <source>The document is already {status}.</source>
        <translation>Документ уже в статусе «{status}».</translation>
    </message>
    <message>
        <source>Mark document {status}</source>
        <translation>Отметить документ: {status}</translation>
    </message>
    <message>
        <source>Label names must be different.</source>
        <translation>Имена меток должны различаться.</translation>
    </message>
    <message>
        <source>Two labels share a hotkey.</source>
        <translation>У двух меток одна и та же клавиша.</translation>
    </message>
    <message>
        <source>Delete label {name}</source>
        <translation>Удалить метку {name}</translation>
    </message>
    <message>
        <source>Edit label {name}</source>
        <translation>Изменить метку {name}</translation>
    </message>
    <message>
        <source>Add label {name}</source>
        <translation>Добавить метку {name}</translation>
    </message>
    <message>
        <source>The labels are as they were.</source>
        <translation>Метки не изменились.</translation>
    </message>
    <message>
        <source>Edit the label schema</source>
        <translation>Изменить схему меток</translation>
    </message>
    <message>
        <source>Choose a layout.</source>
        <translation>Выберите разбивку.</translation>
    </message>
    <message>
        <source>Put the cursor inside the turn&apos;s speech to split it.</source>
        <translation>Поставьте курсор внутрь речи реплики, чтобы её разделить.</translation>
    </message>
    <message>
        <source>Nothing would be left before the split: put the cursor after the first word.</source>
        <translation>До места разделения ничего не останется: поставьте курсор после первого слова.</translation>
    </message>
    <message>
        <source>Nothing would be left after the split: put the cursor before the last word.</source>
        <translation>После места разделения ничего не останется: поставьте курсор перед последним словом.</translation>
    </message>
    <message>
        <source>The cursor is inside a word: put it between two words to split the turn.</source>
        <translation>Курсор внутри слова: поставьте его между словами, чтобы разделить реплику.</translation>
    </message>
    <message>
        <source>The split would cut the {label} span «{text}»: move the cursor or delete the span first.</source>
        <translation>Разделение разрежет фрагмент {label} «{text}»: передвиньте курсор или сначала удалите фрагмент.</translation>
    </message>
    <message>
        <source>language is &apos;{language}&apos;, but {count} of {total} turns are Russian; natasha tagged those</source>
        <translation>язык — «{language}», но {count} из {total} реплик на русском; natasha разметила их</translation>
    </message>
    <message>
        <source>language is &apos;{language}&apos;; natasha pre-annotates Russian only, so no suggestions were made</source>
        <translation>язык — «{language}»; natasha размечает только русский текст, поэтому подсказок нет</translation>
    </message>
    <message>
        <source>language is &apos;{language}&apos;; the model is for {languages}, so no suggestions were made</source>
        <translation>язык — «{language}»; модель для языков {languages}, поэтому подсказок нет</translation>
    </message>
    <message>
        <source>the {layout} layout is a guess (confidence {confidence}); check the speakers</source>
        <translation>разбивка {layout} угадана (уверенность {confidence}); проверьте говорящих</translation>
    </message>
    <message>
        <source>exported {documents} document(s) as {units} unit(s) with {spans} span(s) to {out} ({format})</source>
        <translation>выгружено документов: {documents}, единиц: {units}, фрагментов: {spans} → {out} ({format})</translation>
    </message>
    <message>
        <source>split by document: {parts}</source>
        <translation>разбивка по документам: {parts}</translation>
    </message>
    <message>
        <source>note: {count} of the spans are model suggestions nobody has resolved, and {format} cannot mark them as such; leave out suggestions to export only resolved spans</source>
        <translation>внимание: {count} фрагментов — нерешённые подсказки модели, а {format} не может их так пометить; исключите подсказки, чтобы выгрузить только решённое</translation>
    </message>
    <message>
        <source>dropped {count} span(s) {reason}: {format} keeps only the outermost span</source>
        <translation>отброшено фрагментов ({reason}): {count}; {format} хранит только внешний фрагмент</translation>
    </message>
    <message>
        <source>created the folder {folder}, which did not exist</source>
        <translation>создана папка {folder}: её не было</translation>
    </message>
    <message>
        <source>replaced {target}, which an earlier export wrote with other labels; files exported earlier into this folder go with the old one</source>
        <translation>заменён {target}, записанный прежней выгрузкой с другими метками; файлы, выгруженные в эту папку раньше, относятся к старому</translation>
    </message>
    <message>
        <source>merged into {target}: {created} new document(s), {matched} already there; {written} layer(s) written, {unchanged} unchanged</source>
        <translation>объединено в {target}: новых документов — {created}, уже были — {matched}; слоёв записано — {written}, без изменений — {unchanged}</translation>
    </message>
    <message>
        <source>only in {have} (not in {lack}): {title}</source>
        <translation>только в {have} (нет в {lack}): {title}</translation>
    </message>
    <message>
        <source>{path}: the project is open read-only; nothing was changed</source>
        <translation>{path}: проект открыт только для чтения; ничего не изменено</translation>
    </message>
    <message>
        <source>{path}: another program kept the project busy for {seconds} s; nothing was changed</source>
        <translation>{path}: другая программа держала проект занятым {seconds} с; ничего не изменено</translation>
    </message>
    <message>
        <source>{path}: the project file cannot be written; nothing was changed</source>
        <translation>{path}: в файл проекта нельзя писать; ничего не изменено</translation>
    </message>
    <message>
        <source>{path}: the edit could not be stored ({error}); nothing was changed</source>
        <translation>{path}: правку не удалось сохранить ({error}); ничего не изменено</translation>
    </message>
    <message>
        <source>{entry}: an interrupted export could not be completed ({error}); export again</source>
        <translation>{entry}: прерванную выгрузку не удалось завершить ({error}); выгрузите заново</translation>
    </message>
    <message>
        <source>{folder}: an earlier export was interrupted; it was completed ({files})</source>
        <translation>{folder}: прежняя выгрузка была прервана; она завершена ({files})</translation>
    </message>
    <message>
        <source>{folder}: removed {name}, left by an export that was killed</source>
        <translation>{folder}: удалён {name}, оставшийся от прерванной выгрузки</translation>
    </message>
    <message>
        <source>{name}: {count} span(s) do not fall on spaCy&apos;s token edges and were widened to whole tokens (alignment_mode=expand):</source>
        <translation>{name}: фрагментов, не совпадающих с границами токенов spaCy и расширенных до целых токенов (alignment_mode=expand): {count}:</translation>
    </message>
    <message>
        <source>{name}: {count} span(s) cannot be aligned to tokens and were left out:</source>
        <translation>{name}: фрагментов, которые не выровнять по токенам, — {count}; они пропущены:</translation>
    </message>
    <message>
        <source>{name}: {count} nested or overlapping span(s) are in doc.spans[{key}] only, not in doc.ents (NER trains on doc.ents)</source>
        <translation>{name}: вложенные или пересекающиеся фрагменты ({count}) есть только в doc.spans[{key}], а не в doc.ents (NER обучается на doc.ents)</translation>
    </message>
    <message>
        <source>{name}: {count} span(s) are nested in or overlap another; doccano drops them unless the doccano project has «Allow overlapping spans» turned on (project settings) before the import</source>
        <translation>{name}: вложенных или пересекающихся фрагментов — {count}; doccano их отбросит, если в проекте doccano до импорта не включить «Allow overlapping spans» (настройки проекта)</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Open a document first.</source>
        <translation>Сначала откройте документ.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Returned by {reviewer}: {comment}</source>
        <translation>Возвращено ({reviewer}): {comment}</translation>
    </message>
    <message>
        <source>No suggestions: this document&apos;s language is {language}, and the model pre-annotates Russian only. Tag entities by hand: select words and press a label&apos;s digit.</source>
        <translation>Подсказок нет: язык этого документа — {language}, а модель размечает только русский текст. Размечайте сущности вручную: выделите слова и нажмите цифру метки.</translation>
    </message>
    <message>
        <source>No suggestions yet: the model has not run on this document. Annotate › Re-run the model (Ctrl+R).</source>
        <translation>Подсказок пока нет: модель ещё не запускалась на этом документе. Разметка › Перезапустить модель (Ctrl+R).</translation>
    </message>
    <message>
        <source>The model found no entities here. Tag them by hand: select words and press a label&apos;s digit.</source>
        <translation>Модель не нашла здесь сущностей. Размечайте вручную: выделите слова и нажмите цифру метки.</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>All documents</source>
        <translation>Все документы</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Не готовые</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новые</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готовые</translation>
    </message>
    <message>
        <source>Low-confidence turns</source>
        <translation>Реплики под вопросом</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Проверенные</translation>
    </message>
    <message>
        <source>Returned by the reviewer</source>
        <translation>Возвращённые проверяющим</translation>
    </message>
    <message>
        <source> · low confidence</source>
        <translation> · реплики под вопросом</translation>
    </message>
    <message>
        <source>no suggestions</source>
        <translation>подсказок нет</translation>
    </message>
    <message>
        <source>{progress}% of suggestions resolved</source>
        <translation>решено подсказок: {progress}%</translation>
    </message>
    <message>
        <source>{status} · {reviewed} · {turns} turns · {spans} spans{flag}</source>
        <translation>{status} · {reviewed} · реплик: {turns} · фрагментов: {spans}{flag}</translation>
    </message>
    <message>
        <source> · ✓ reviewed</source>
        <translation> · ✓ проверено</translation>
    </message>
    <message>
        <source> · ↩ returned: {comment}</source>
        <translation> · ↩ возвращено: {comment}</translation>
    </message>
    <message>
        <source>{file} · {layout} layout (confidence {confidence}) · language {language}
Turns › Re-detect layout… finds the turns again.</source>
        <translation>{file} · разбивка {layout} (уверенность {confidence}) · язык {language}
Реплики › Заново определить разбивку… найдёт реплики заново.</translation>
    </message>
    <message>
        <source>  {start}–{end}: {layout} (confidence {confidence})</source>
        <translation>  {start}–{end}: {layout} (уверенность {confidence})</translation>
    </message>
    <message>
        <source>Turns were found with low confidence: check the speakers.</source>
        <translation>Реплики определены неуверенно: проверьте говорящих.</translation>
    </message>
    <message>
        <source>Reviewer&apos;s comment: {comment}</source>
        <translation>Комментарий проверяющего: {comment}</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>Select words to tag, or put the cursor on a span to retag it.</source>
        <translation>Выделите слова для разметки или поставьте курсор на фрагмент, чтобы сменить его метку.</translation>
    </message>
    <message>
        <source>No suggestion at the cursor.</source>
        <translation>Под курсором нет подсказки.</translation>
    </message>
    <message>
        <source>No span at the cursor.</source>
        <translation>Под курсором нет фрагмента.</translation>
    </message>
    <message>
        <source>Put the cursor on a span to change its boundaries.</source>
        <translation>Поставьте курсор на фрагмент, чтобы изменить его границы.</translation>
    </message>
    <message>
        <source>Put the cursor on a tagged span to propagate its tag.</source>
        <translation>Поставьте курсор на размеченный фрагмент, чтобы распространить его метку.</translation>
    </message>
    <message>
        <source>Running the model again…</source>
        <translation>Модель запущена заново…</translation>
    </message>
    <message>
        <source>Document language</source>
        <translation>Язык документа</translation>
    </message>
    <message>
        <source>The language of this document&apos;s text, as a code (ru, en, kk…):</source>
        <translation>Язык текста документа, кодом (ru, en, kk…):</translation>
    </message>
    <message>
        <source>Suggestions now come from {source}; Ctrl+R re-runs it on a document.</source>
        <translation>Подсказки теперь берутся из {source}; Ctrl+R запускает его на документе.</translation>
    </message>
    <message>
        <source>Suggestion source</source>
        <translation>Источник подсказок</translation>
    </message>
    <message>
        <source>natasha, or spacy:NAME for an installed spaCy pipeline (a package or a folder):</source>
        <translation>natasha или spacy:ИМЯ для установленного конвейера spaCy (пакет или папка):</translation>
    </message>
    <message>
        <source>Rename speaker</source>
        <translation>Переименовать говорящего</translation>
    </message>
    <message>
        <source>New name for {name} (every turn follows):</source>
        <translation>Новое имя для {name} (во всех репликах):</translation>
    </message>
    <message>
        <source>Add speaker</source>
        <translation>Добавить говорящего</translation>
    </message>
    <message>
        <source>Name of the new speaker (role: other; change it in the Speakers panel):</source>
        <translation>Имя нового говорящего (роль: другой; её можно сменить на панели «Говорящие»):</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <source>  ({n} to review)</source>
        <translation>  (проверить: {n})</translation>
    </message>
    <message>
        <source>{mark} turn {number}: «{text}»</source>
        <translation>{mark} реплика {number}: «{text}»</translation>
    </message>
    <message>
        <source>Retag all as</source>
        <translation>Сменить метку у всех на</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>Принять все</translation>
    </message>
    <message>
        <source>Reject all suggestions</source>
        <translation>Отклонить все подсказки</translation>
    </message>
    <message>
        <source>Tag untagged matches too…</source>
        <translation>Разметить и неразмеченные совпадения…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>native: lossless, versioned; speakers, turns, spans with origin/status/annotator</source>
        <translation>родной: без потерь, с версией; говорящие, реплики, фрагменты с источником, статусом и разметчиком</translation>
    </message>
    <message>
        <source>doccano sequence labeling JSONL {&quot;text&quot;, &quot;label&quot;: [[start, end, label]]}</source>
        <translation>JSONL doccano для разметки последовательностей {&quot;text&quot;, &quot;label&quot;: [[start, end, label]]}</translation>
    </message>
    <message>
        <source>Label Studio JSON tasks (+ label_config.xml)</source>
        <translation>задачи Label Studio в JSON (+ label_config.xml)</translation>
    </message>
    <message>
        <source>brat standoff .txt/.ann pairs in a folder or .zip</source>
        <translation>пары .txt/.ann формата brat в папке или .zip</translation>
    </message>
    <message>
        <source>CoNLL-2003 IOB2 &apos;token tag&apos; over razdel tokens</source>
        <translation>CoNLL-2003, IOB2 «токен метка» по токенам razdel</translation>
    </message>
    <message>
        <source>spaCy/Prodigy JSONL {&quot;text&quot;, &quot;spans&quot;: [{&quot;start&quot;, &quot;end&quot;, &quot;label&quot;}]}</source>
        <translation>JSONL spaCy/Prodigy {&quot;text&quot;, &quot;spans&quot;: [{&quot;start&quot;, &quot;end&quot;, &quot;label&quot;}]}</translation>
    </message>
    <message>
        <source>Hugging Face token classification JSONL (+ label_names.json)</source>
        <translation>JSONL Hugging Face для классификации токенов (+ label_names.json)</translation>
    </message>
    <message>
        <source>Export dataset</source>
        <translation>Экспорт набора данных</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>one per document</source>
        <translation>по одной на документ</translation>
    </message>
    <message>
        <source>one per turn</source>
        <translation>по одной на реплику</translation>
    </message>
    <message>
        <source>every speaker</source>
        <translation>все говорящие</translation>
    </message>
    <message>
        <source>{role} turns only</source>
        <translation>только реплики: {role}</translation>
    </message>
    <message>
        <source>all documents</source>
        <translation>все документы</translation>
    </message>
    <message>
        <source>{status} only</source>
        <translation>только со статусом «{status}»</translation>
    </message>
    <message>
        <source>leave out model suggestions nobody has resolved</source>
        <translation>не включать подсказки модели, которые никто не рассмотрел</translation>
    </message>
    <message>
        <source>e.g. 80/10/10 — train/dev/test files by document, into a folder</source>
        <translation>например 80/10/10 — файлы train/dev/test по документам, в папку</translation>
    </message>
    <message>
        <source>the format&apos;s default</source>
        <translation>как принято в формате</translation>
    </message>
    <message>
        <source>Label Studio dialogue (Paragraphs): one paragraph per turn</source>
        <translation>Диалог Label Studio (Paragraphs): по абзацу на реплику</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>Куда записать</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Единицы</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Говорящие</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Origins</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Разбиение</translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation>Зерно разбиения</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>Смещения</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Keeps nested spans; offsets in {unit} by default.</source>
        <translation>Сохраняет вложенные фрагменты; смещения по умолчанию в {unit}.</translation>
    </message>
    <message>
        <source>Keeps only the outermost of nested spans; offsets in {unit} by default.</source>
        <translation>Из вложенных фрагментов сохраняет только внешний; смещения по умолчанию в {unit}.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Экспортировать в</translation>
    </message>
    <message>
        <source>no output path given: choose where to write the dataset</source>
        <translation>не указан путь: выберите, куда записать набор данных</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document (case and ё/е ignored)</source>
        <translation>Найти в документе (без учёта регистра и ё/е)</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <source>Next hit (F3)</source>
        <translation>Следующее совпадение (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Найти:</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>найдено: {n}</translation>
    </message>
    <message>
        <source>{index} of {count}</source>
        <translation>{index} из {count}</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Edits of earlier sessions, from the project&apos;s edit log (not undoable)</source>
        <translation>Правки прошлых сеансов из журнала проекта (отменить их нельзя)</translation>
    </message>
    <message>
        <source>(opened)</source>
        <translation>(открыто)</translation>
    </message>
    <message>
        <source>Earlier sessions (read-only):</source>
        <translation>Прошлые сеансы (только просмотр):</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Import files, or every transcript in a folder?</source>
        <translation>Импортировать файлы или все расшифровки из папки?</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>Файлы…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Папку…</translation>
    </message>
    <message>
        <source>Import transcripts</source>
        <translation>Импорт расшифровок</translation>
    </message>
    <message>
        <source>Transcripts ({patterns})</source>
        <translation>Расшифровки ({patterns})</translation>
    </message>
    <message>
        <source>Import every transcript in a folder</source>
        <translation>Импорт всех расшифровок из папки</translation>
    </message>
    <message>
        <source>Pre-annotating these files will take about {minutes} min.</source>
        <translation>Предварительная разметка этих файлов займёт около {minutes} мин.</translation>
    </message>
    <message>
        <source>Import them now and annotate in the background, so you can read them at once?</source>
        <translation>Импортировать их сейчас и размечать в фоне, чтобы их можно было сразу читать?</translation>
    </message>
    <message>
        <source>Import now, annotate in the background</source>
        <translation>Импортировать сейчас, размечать в фоне</translation>
    </message>
    <message>
        <source>Import and annotate first</source>
        <translation>Сначала импортировать и разметить</translation>
    </message>
    <message>
        <source>Exporting {done} of {total} documents…</source>
        <translation>Экспорт: документ {done} из {total}…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Importing {file} ({number} of {total})…</source>
        <translation>Импорт {file} ({number} из {total})…</translation>
    </message>
    <message>
        <source>about {seconds} s left</source>
        <translation>осталось около {seconds} с</translation>
    </message>
    <message>
        <source>estimating the time left</source>
        <translation>оцениваю оставшееся время</translation>
    </message>
    <message>
        <source>Annotating {file}: {done} of {total} turns, {left}…</source>
        <translation>Разметка {file}: {done} из {total} реплик, {left}…</translation>
    </message>
    <message>
        <source>Some files could not be imported.</source>
        <translation>Некоторые файлы не удалось импортировать.</translation>
    </message>
    <message>
        <source>Import cancelled; {n} file(s) were imported.</source>
        <translation>Импорт отменён; импортировано файлов: {n}.</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <source>Hotkey</source>
        <translation>Клавиша</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Label schema</source>
        <translation>Схема меток</translation>
    </message>
    <message>
        <source>&amp;Add label</source>
        <translation>&amp;Добавить метку</translation>
    </message>
    <message>
        <source>&amp;Delete label</source>
        <translation>&amp;Удалить метку</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Цвет…</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>Цвет метки</translation>
    </message>
    <message>
        <source>Label names must be different.</source>
        <translation>Имена меток должны различаться.</translation>
    </message>
    <message>
        <source>Two labels share a hotkey.</source>
        <translation>У двух меток одна и та же клавиша.</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) are tagged {old}. Rename the label and retag them all as {new}?</source>
        <translation>
            <numerusform>%n фрагмент помечен как {old}. Переименовать метку и перевести их все в {new}?</numerusform>
            <numerusform>%n фрагмента помечены как {old}. Переименовать метку и перевести их все в {new}?</numerusform>
            <numerusform>%n фрагментов помечены как {old}. Переименовать метку и перевести их все в {new}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) are tagged {label}.</source>
        <translation>
            <numerusform>%n фрагмент помечен как {label}.</numerusform>
            <numerusform>%n фрагмента помечены как {label}.</numerusform>
            <numerusform>%n фрагментов помечены как {label}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename label</source>
        <translation>Переименовать метку</translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation>Удалить метку</translation>
    </message>
    <message>
        <source>Delete those spans too, or move them to another label?</source>
        <translation>Удалить и эти фрагменты или перенести их в другую метку?</translation>
    </message>
    <message>
        <source>Delete the spans</source>
        <translation>Удалить фрагменты</translation>
    </message>
    <message>
        <source>Move to another label…</source>
        <translation>Перенести в другую метку…</translation>
    </message>
    <message>
        <source>Keep the label</source>
        <translation>Оставить метку</translation>
    </message>
    <message>
        <source>Move spans</source>
        <translation>Перенос фрагментов</translation>
    </message>
    <message>
        <source>Retag the {label} spans as:</source>
        <translation>Перевести фрагменты {label} в метку:</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>The language changes when Razmetka next starts.</source>
        <translation>Язык сменится при следующем запуске Razmetka.</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>solid = accepted · pale, dotted = suggestion · overline = nested</source>
        <translation>сплошной = принято · бледный, пунктир = подсказка · надчёркивание = вложенный</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Говорящие</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Сущности</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
    <message>
        <source>NER model: loading…</source>
        <translation>Модель NER: загрузка…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>&amp;Undo {text}</source>
        <translation>&amp;Отменить: {text}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo {text}</source>
        <translation>&amp;Повторить: {text}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>NER model: ready</source>
        <translation>Модель NER: готова</translation>
    </message>
    <message>
        <source>, read-only</source>
        <translation>, только чтение</translation>
    </message>
    <message>
        <source>project: {path}</source>
        <translation>проект: {path}</translation>
    </message>
    <message>
        <source>No document. File › Import transcripts… (Ctrl+I)</source>
        <translation>Нет документа. Файл › Импорт расшифровок… (Ctrl+I)</translation>
    </message>
    <message>
        <source>{status} · {turns} turns · {spans} spans ({review} to review) · saved</source>
        <translation>{status} · реплик: {turns} · фрагментов: {spans} (проверить: {review}) · сохранено</translation>
    </message>
    <message>
        <source>turn {number}/{count}: {speaker}</source>
        <translation>реплика {number}/{count}: {speaker}</translation>
    </message>
    <message>
        <source> (1 of {count} here, Ctrl+. for the next)</source>
        <translation> (1 из {count} здесь, Ctrl+. — следующий)</translation>
    </message>
    <message>
        <source>Tag selection as</source>
        <translation>Пометить выделенное как</translation>
    </message>
    <message>
        <source>Retag span as</source>
        <translation>Сменить метку на</translation>
    </message>
    <message>
        <source>Give turn to</source>
        <translation>Отдать реплику</translation>
    </message>
    <message numerus="yes">
        <source>The project changed outside this window: %n document(s) now.</source>
        <translation>
            <numerusform>Проект изменён вне этого окна: теперь в нём %n документ.</numerusform>
            <numerusform>Проект изменён вне этого окна: теперь в нём %n документа.</numerusform>
            <numerusform>Проект изменён вне этого окна: теперь в нём %n документов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>No next entity.</source>
        <translation>Следующей сущности нет.</translation>
    </message>
    <message>
        <source>No previous entity.</source>
        <translation>Предыдущей сущности нет.</translation>
    </message>
    <message>
        <source>No next unresolved suggestion.</source>
        <translation>Следующей нерешённой подсказки нет.</translation>
    </message>
    <message>
        <source>No previous unresolved suggestion.</source>
        <translation>Предыдущей нерешённой подсказки нет.</translation>
    </message>
    <message>
        <source>Turn number (1–{count}):</source>
        <translation>Номер реплики (1–{count}):</translation>
    </message>
    <message>
        <source>Go to turn</source>
        <translation>Переход к реплике</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Отметить готовым</translation>
    </message>
    <message>
        <source>{n} suggestion(s) in this document are not resolved yet. Mark it done anyway?</source>
        <translation>Нерешённых подсказок в этом документе: {n}. Всё равно отметить его готовым?</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Продолжить работу</translation>
    </message>
    <message>
        <source>Every document is done.</source>
        <translation>Все документы готовы.</translation>
    </message>
    <message>
        <source>{done} is done. Next: {next}</source>
        <translation>«{done}» готов. Следующий: «{next}»</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Annotator name</source>
        <translation>Имя разметчика</translation>
    </message>
    <message>
        <source>The name recorded on every span you tag, accept or reject:</source>
        <translation>Имя, которое записывается в каждый размеченный, принятый или отклонённый вами фрагмент:</translation>
    </message>
    <message>
        <source>Spans you change are now recorded as {name}&apos;s.</source>
        <translation>Ваши правки теперь записываются на имя {name}.</translation>
    </message>
    <message>
        <source>Open or create a project</source>
        <translation>Открыть или создать проект</translation>
    </message>
    <message>
        <source>Razmetka project (*.db *.sqlite)</source>
        <translation>Проект Razmetka (*.db *.sqlite)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Что делает</translation>
    </message>
</context>
<context>
    <name>PropagateDialog</name>
    <message>
        <source>Tag «{surface}» as {label}</source>
        <translation>Пометить «{surface}» как {label}</translation>
    </message>
    <message numerus="yes">
        <source>Tag %n untagged occurrence(s) of «{surface}» as {label}? Untick any to leave alone.</source>
        <translation>
            <numerusform>Пометить %n неразмеченное вхождение «{surface}» как {label}? Снимите флажок, чтобы оставить как есть.</numerusform>
            <numerusform>Пометить %n неразмеченных вхождения «{surface}» как {label}? Снимите флажки с тех, что оставить как есть.</numerusform>
            <numerusform>Пометить %n неразмеченных вхождений «{surface}» как {label}? Снимите флажки с тех, что оставить как есть.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag {n}</source>
        <translation>Пометить {n}</translation>
    </message>
</context>
<context>
    <name>RelayoutDialog</name>
    <message>
        <source>Re-detect layout</source>
        <translation>Заново определить разбивку</translation>
    </message>
    <message>
        <source>Detect again</source>
        <translation>Определить заново</translation>
    </message>
    <message>
        <source>Now: {layout} layout, confidence {confidence}, {turns} turns. The text and every span stay as they are.</source>
        <translation>Сейчас: разбивка {layout}, уверенность {confidence}, реплик: {turns}. Текст и все фрагменты останутся как есть.</translation>
    </message>
    <message>
        <source>{layout} layout, confidence {confidence}: {turns} turns, {count} speakers ({speakers}).</source>
        <translation>Разбивка {layout}, уверенность {confidence}: реплик — {turns}, говорящих — {count} ({speakers}).</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Merge annotators&apos; projects into this one</source>
        <translation>Объединить проекты разметчиков с этим</translation>
    </message>
    <message>
        <source>Razmetka projects or native exports (*.db *.sqlite *.jsonl)</source>
        <translation>Проекты Razmetka или родные выгрузки (*.db *.sqlite *.jsonl)</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединение</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Review</source>
        <translation>Сверка</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Расхождения</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Model against people</source>
        <translation>Модель против людей</translation>
    </message>
    <message>
        <source>Both (T)</source>
        <translation>Оба (T)</translation>
    </message>
    <message>
        <source>Neither (N)</source>
        <translation>Ни один (N)</translation>
    </message>
    <message>
        <source>Next (F8)</source>
        <translation>Следующее (F8)</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Отметить проверенным</translation>
    </message>
    <message>
        <source>Return with a comment…</source>
        <translation>Вернуть с комментарием…</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Точность</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Полнота</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Каппа</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Охват</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Схема</translation>
    </message>
    <message>
        <source>all</source>
        <translation>все</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha over tokens: {alpha}</source>
        <translation>Альфа Криппендорфа по токенам: {alpha}</translation>
    </message>
    <message>
        <source> · same speaker: {pairs}</source>
        <translation> · тот же говорящий: {pairs}</translation>
    </message>
    <message>
        <source>Kinds of error: {errors}.</source>
        <translation>Виды ошибок: {errors}.</translation>
    </message>
    <message>
        <source> Most frequent corrections: {top}</source>
        <translation> Самые частые исправления: {top}</translation>
    </message>
    <message>
        <source>{settled} of {count} disagreement(s) settled</source>
        <translation>Решено расхождений: {settled} из {count}</translation>
    </message>
    <message>
        <source>No disagreements between these two layers.</source>
        <translation>Между этими двумя слоями расхождений нет.</translation>
    </message>
    <message>
        <source>Return to the annotator</source>
        <translation>Вернуть разметчику</translation>
    </message>
    <message>
        <source>What should the annotator look at again?</source>
        <translation>Что разметчику стоит посмотреть ещё раз?</translation>
    </message>
    <message>
        <source>Marked reviewed.</source>
        <translation>Отмечено как проверенное.</translation>
    </message>
    <message>
        <source>Returned.</source>
        <translation>Возвращено.</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>This project file cannot be written: it is open read-only, and edits are refused.</source>
        <translation>В этот файл проекта нельзя писать: он открыт только для чтения, правки не сохраняются.</translation>
    </message>
    <message>
        <source>The project was upgraded; the copy from before is {name}.</source>
        <translation>Проект обновлён; копия до обновления — {name}.</translation>
    </message>
    <message>
        <source>Daily backup written: {name}</source>
        <translation>Записана ежедневная копия: {name}</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search all documents</source>
        <translation>Поиск по всем документам</translation>
    </message>
    <message>
        <source>Words to find — inflected forms and ё/е variants match too</source>
        <translation>Слова для поиска — словоформы и варианты с ё/е тоже находятся</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s) found</source>
        <translation>
            <numerusform>Найдена %n реплика</numerusform>
            <numerusform>Найдено %n реплики</numerusform>
            <numerusform>Найдено %n реплик</numerusform>
        </translation>
    </message>
    <message>
        <source>{title} · turn {number}
{snippet}</source>
        <translation>{title} · реплика {number}
{snippet}</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The NER model could not be loaded: {error}</source>
        <translation>Не удалось загрузить модель NER: {error}</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>Импорт уже идёт.</translation>
    </message>
    <message>
        <source>natasha pre-annotates Russian only; this document&apos;s language is {language}.</source>
        <translation>natasha размечает только русский текст; язык этого документа — {language}.</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Экспорт уже идёт.</translation>
    </message>
    <message>
        <source>export cancelled; nothing was written</source>
        <translation>экспорт отменён; ничего не записано</translation>
    </message>
    <message>
        <source>export failed: {error}</source>
        <translation>экспорт не удался: {error}</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Не сохранено: {error}</translation>
    </message>
</context>
<context>
    <name>SpeakerPanel</name>
    <message>
        <source>Give turn</source>
        <translation>Отдать реплику</translation>
    </message>
    <message>
        <source>Give the current turn to the selected speaker (Enter, or Alt+number)</source>
        <translation>Отдать текущую реплику выбранному говорящему (Enter или Alt+цифра)</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Role ▾</source>
        <translation>Роль ▾</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>{n} turn</source>
        <translation>{n} реплика</translation>
    </message>
    <message numerus="yes">
        <source>%n turns</source>
        <translation>
            <numerusform>%n реплика</numerusform>
            <numerusform>%n реплики</numerusform>
            <numerusform>%n реплик</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готов</translation>
    </message>
    <message>
        <source>interviewer</source>
        <translation>интервьюер</translation>
    </message>
    <message>
        <source>respondent</source>
        <translation>респондент</translation>
    </message>
    <message>
        <source>narrator</source>
        <translation>рассказчик</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другой</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>подсказка</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принято</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <source>model</source>
        <translation>модель</translation>
    </message>
    <message>
        <source>human</source>
        <translation>человек</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>импорт</translation>
    </message>
    <message>
        <source>adjudicated</source>
        <translation>решение рецензента</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>верно</translation>
    </message>
    <message>
        <source>label</source>
        <translation>метка</translation>
    </message>
    <message>
        <source>boundary</source>
        <translation>границы</translation>
    </message>
    <message>
        <source>label and boundary</source>
        <translation>метка и границы</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <source>spurious</source>
        <translation>лишнее</translation>
    </message>
</context>
</TS>
