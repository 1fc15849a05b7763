// The actor book on 1980s-2000s wire stories: defunct states and their successors by
// date (Bonn, Moscow, Belgrade, Prague), old country names and demonyms (Zaire,
// Kampuchean, Rhodesian), rebel groups, militias and movements with their country and
// sector, and office-holders of the era. Sentences are made up, in the style of the
// wire services of the time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createAnalyzer } from "../../src/analyze.js";
import { resolveActor } from "../../src/actors/index.js";
import { fsDataSource } from "../../src/node/data.js";
import { Resources } from "../../src/pipeline/resources.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const haveBook = ["people", "countries", "institutions", "igos"].every((f) => existsSync(`${root}data/actors/${f}.tsv`));
const skip = !haveBook && "no actor book in data/actors";
const analyzer = haveBook ? createAnalyzer(fsDataSource([])) : null;

/** [sentence, date, mention, the code it resolves to there and then] */
const CASES: [string, string, string, string][] = [
  ["Bonn warned Moscow on Tuesday against sending troops into Lithuania.", "1988-03-15", "Bonn", "GMW"],
  ["Bonn pledged new aid to Russia after talks with Yeltsin.", "1995-06-12", "Bonn", "DEU"],
  ["Bonn pledged new aid to Russia after talks with Yeltsin.", "1995-06-12", "Russia", "RUS"],
  ["Moscow accused Washington of stalling the arms talks in Geneva.", "1985-11-02", "Moscow", "USR"],
  ["Moscow accused Washington of stalling the arms talks in Geneva.", "1996-11-02", "Moscow", "RUS"],
  ["Belgrade rejected the latest peace plan for Bosnia.", "1995-02-10", "Belgrade", "FRY"],
  ["Belgrade expelled two Albanian diplomats on Friday.", "1987-04-03", "Belgrade", "YUG"],
  ["Belgrade recalled its ambassador from Podgorica.", "2010-09-20", "Belgrade", "SRB"],
  ["Prague protested to Vienna about the border incident.", "1986-07-08", "Prague", "CZA"],
  ["Prague protested to Vienna about the border incident.", "1996-07-08", "Prague", "CZE"],
  ["Yugoslavia signed a trade agreement with Italy.", "1983-05-20", "Yugoslavia", "YUG"],
  ["Zaire closed its border with Rwanda as refugees poured in.", "1994-07-18", "Zaire", "COD"],
  ["Zairean troops looted shops in the capital.", "1991-09-24", "Zairean troops", "CODMIL"],
  ["Burma freed several political prisoners on Monday.", "1995-07-10", "Burma", "MMR"],
  ["Kampuchean guerrillas attacked a government outpost near the Thai border.", "1985-02-14", "Kampuchean guerrillas", "KHMREB"],
  ["The Khmer Rouge shelled Battambang overnight.", "1993-03-02", "Khmer Rouge", "KHMREBKMR"],
  ["The KPNLF said it would join the talks in Jakarta.", "1988-07-25", "KPNLF", "KHMREBKPN"],
  ["Rhodesian forces raided camps in Mozambique.", "1978-08-05", "Rhodesian forces", "ZWEMIL"],
  ["The NPFL seized the port of Buchanan on Thursday.", "1992-10-29", "NPFL", "LBRREBNPF"],
  ["ULIMO fighters clashed with the NPFL near Tubmanburg.", "1993-05-11", "ULIMO", "LBRREBULM"],
  ["The INPFL captured Samuel Doe at the ECOMOG headquarters.", "1990-09-09", "INPFL", "LBRREBINP"],
  ["The SPLA said it had captured the garrison town of Torit.", "1989-02-28", "SPLA", "SDNREBSPL"],
  ["UNITA rebels ambushed a convoy in central Angola.", "1993-01-20", "UNITA", "AGOREBUNT"],
  ["RENAMO guerrillas burned a village in Zambezia province.", "1988-10-12", "RENAMO", "MOZREBRNM"],
  ["Afghan Mujahideen shot down a helicopter near Jalalabad.", "1989-03-22", "Afghan Mujahideen", "AFGREBMUJ"],
  ["The Taliban captured Herat from government forces.", "1995-09-05", "Taliban", "AFGREBTAL"],
  ["The FARC released three kidnapped oil workers.", "1998-06-15", "FARC", "COLREBFRC"],
  ["M-19 guerrillas occupied the Palace of Justice in Bogota.", "1985-11-06", "M-19", "COLREBMNN"],
  ["Shining Path rebels bombed a power pylon outside Lima.", "1990-05-03", "Shining Path", "PERREBSLU"],
  ["The LTTE attacked an army camp near Jaffna.", "1996-07-18", "LTTE", "LKASEPLTT"],
  ["The PKK kidnapped two German tourists in eastern Turkey.", "1993-07-01", "PKK", "TURREBPKK"],
  ["Hezbollah fired rockets into northern Israel.", "1996-04-11", "Hezbollah", "LBNREBHEZ"],
  ["The Phalangists accused the Druze militia of breaking the truce.", "1984-09-10", "Phalangists", "LBNGOVKAT"],
  ["Iraq's Republican Guard moved two divisions toward the Kuwaiti border.", "1994-10-08", "Republican Guard", "IRQMIL"],
  ["Syrian state television said the Republican Guard had retaken the suburb.", "2012-08-10", "Republican Guard", "SYRMIL"],
  ["The KLA ambushed a Serbian police patrol near Pristina.", "1998-06-02", "KLA", "KSVREBKLA"],
  ["The JNA withdrew its tanks from Slovenia.", "1991-07-20", "JNA", "YUGMIL"],
  ["The HVO shelled Mostar's eastern districts.", "1993-11-09", "HVO", "BIHMIL"],
  ["Solidarity called a strike at the Lenin Shipyard in Gdansk.", "1988-05-02", "Solidarity", "POLOPPSOL"],
  ["The ANC demanded the release of all political prisoners.", "1989-10-10", "ANC", "ZAF"],
  ["The Pan Africanist Congress rejected the talks with Pretoria.", "1992-06-01", "Pan Africanist Congress", "ZAFOPPPAC"],
  ["ZAPU accused ZANU of persecuting its members in Matabeleland.", "1984-04-02", "ZAPU", "ZWEOPPZAP"],
  ["The EPRDF entered Addis Ababa as Mengistu fled.", "1991-05-28", "EPRDF", "ETHGOVEPR"],
  ["The Islamic Courts Union took control of Mogadishu.", "2006-06-05", "Islamic Courts Union", "SOMREBICU"],
  ["Sri Lanka's Tamil Tigers rejected the ceasefire offer.", "2000-05-03", "Tamil Tigers", "LKASEPLTT"],
  ["Farouk Kaddoumi met Arab League officials in Tunis.", "1992-03-18", "Farouk Kaddoumi", "PSEGOV"],
  ["Yasser Arafat addressed the Palestine National Council in Algiers.", "1988-11-15", "Yasser Arafat", "PSEGOV"],
  ["Prime Minister Lee Kuan Yew warned against Western pressure.", "1986-08-14", "Lee Kuan Yew", "SGPGOV"],
  ["Kengo wa Dondo promised to hold elections within a year.", "1995-02-01", "Kengo wa Dondo", "CODGOV"],
  ["Ante Markovic urged the republics to accept his reform plan.", "1990-12-05", "Ante Markovic", "YUGGOV"],
  ["General Secretary Tô Lâm received the Lao president in Hà Nội.", "2025-01-10", "Tô Lâm", "VNMGOV"],
  ["Hà Nội protested the seizure of the fishing boats.", "2020-04-05", "Hà Nội", "VNM"]
,
  // heads of state, ministers, rebels, capitals and media of the era
  ["Soviet Foreign Minister Eduard Shevardnadze met Secretary of State George Shultz in Geneva.", "1987-09-16", "Eduard Shevardnadze", "USRGOV"],
  ["Soviet Foreign Minister Eduard Shevardnadze met Secretary of State George Shultz in Geneva.", "1987-09-16", "George Shultz", "USAGOV"],
  ["East German leader Erich Honecker rejected calls for reform.", "1989-08-10", "Erich Honecker", "GMEGOV"],
  ["The Bundestag voted to move the capital to Berlin.", "1991-06-20", "Bundestag", "DEULEG"],
  ["Yugoslav Prime Minister Ante Markovic flew to Zagreb.", "1991-06-30", "Ante Markovic", "YUGGOV"],
  ["Slovenian President Milan Kucan accused the federal army of aggression.", "1991-07-01", "Milan Kucan", "SVNGOV"],
  ["Bosnian Serb leader Radovan Karadzic rejected the map.", "1994-07-20", "Radovan Karadzic", "BIHREB"],
  ["Croatian President Franjo Tudjman visited Bonn.", "1992-01-15", "Franjo Tudjman", "HRVGOV"],
  ["Serbian President Slobodan Milosevic met U.S. envoy Richard Holbrooke.", "1995-09-13", "Slobodan Milosevic", "SRBGOV"],
  ["Liberian President Samuel Doe was captured by rebels.", "1990-09-09", "Samuel Doe", "LBRGOV"],
  ["Charles Taylor's NPFL shelled Monrovia.", "1992-11-01", "Charles Taylor", "LBRREB"],
  ["SPLA leader John Garang rejected the Khartoum proposal.", "1994-03-01", "John Garang", "SDNREB"],
  ["Khartoum accused Uganda of arming the rebels.", "1995-04-20", "Khartoum", "SDN"],
  ["Pakistani President Zia ul-Haq rejected the Soviet proposal.", "1987-03-02", "Zia ul-Haq", "PAKGOV"],
  ["President Zia ul-Haq died in a plane crash near Bahawalpur.", "1988-08-17", "Zia ul-Haq", "PAKGOV"],
  ["Prince Norodom Sihanouk met Hun Sen in France.", "1987-12-02", "Hun Sen", "KHMGOV"],
  ["Iraqi President Saddam Hussein threatened Kuwait.", "1990-07-18", "Saddam Hussein", "IRQGOV"],
  ["Iraqi Foreign Minister Tariq Aziz met Secretary of State James Baker in Geneva.", "1991-01-09", "Tariq Aziz", "IRQGOV"],
  ["Soviet President Mikhail Gorbachev sent envoy Yevgeny Primakov to Baghdad.", "1990-10-05", "Mikhail Gorbachev", "USRGOV"],
  ["Zairean President Mobutu Sese Seko named a new cabinet.", "1991-10-20", "Mobutu Sese Seko", "CODGOV"],
  ["Laurent Kabila's rebels captured Kisangani.", "1997-03-15", "Laurent Kabila", "CODREB"],
  ["UNITA leader Jonas Savimbi rejected the election results.", "1992-10-05", "Jonas Savimbi", "AGOREB"],
  ["RENAMO leader Afonso Dhlakama signed the peace accord in Rome.", "1992-10-04", "Afonso Dhlakama", "MOZREB"],
  ["Ethiopian leader Mengistu Haile Mariam fled to Zimbabwe.", "1991-05-21", "Mengistu Haile Mariam", "ETHGOV"],
  ["Somali warlord Mohamed Farah Aidid declared himself president.", "1995-06-15", "Mohamed Farah Aidid", "SOMREB"],
  ["Afghan President Najibullah offered a ceasefire to the Mujahideen.", "1989-02-20", "Mujahideen", "AFGREBMUJ"],
  ["Ahmad Shah Massoud's forces retook Bagram.", "1999-08-01", "Ahmad Shah Massoud", "AFGREB"],
  ["PLO chairman Yasser Arafat met King Hussein in Amman.", "1988-02-10", "King Hussein", "JORGOV"],
  ["Israeli Prime Minister Yitzhak Shamir rejected the Baker plan.", "1989-11-01", "Yitzhak Shamir", "ISRGOV"],
  ["Defence Minister Yitzhak Rabin ordered a crackdown in Gaza.", "1988-01-20", "Yitzhak Rabin", "ISRGOV"],
  ["Lebanese President Amin Gemayel met Syrian President Hafez al-Assad in Damascus.", "1986-01-10", "Amin Gemayel", "LBNGOV"],
  ["Lebanese President Amin Gemayel met Syrian President Hafez al-Assad in Damascus.", "1986-01-10", "Hafez al-Assad", "SYRGOV"],
  ["General Michel Aoun declared a war of liberation against Syria.", "1989-03-14", "Michel Aoun", "LBNGOV"],
  ["Iranian President Ali Khamenei addressed the United Nations.", "1987-09-22", "Ali Khamenei", "IRNGOV"],
  ["Turkish Prime Minister Turgut Ozal visited Washington.", "1985-04-02", "Turgut Ozal", "TURGOV"],
  ["Indian Prime Minister Rajiv Gandhi sent troops to Sri Lanka.", "1987-07-30", "Rajiv Gandhi", "INDGOV"],
  ["Sri Lankan President Junius Jayewardene signed the accord.", "1987-07-29", "Junius Jayewardene", "LKAGOV"],
  ["Philippine President Corazon Aquino survived a coup attempt.", "1989-12-02", "Corazon Aquino", "PHLGOV"],
  ["Indonesian President Suharto resigned.", "1998-05-21", "Suharto", "IDNGOV"],
  ["Nicaraguan President Daniel Ortega met Contra leaders in Sapoa.", "1988-03-23", "Daniel Ortega", "NICGOV"],
  ["Peruvian police captured Shining Path leader Abimael Guzman.", "1992-09-12", "Abimael Guzman", "PERREB"],
  ["Nigerian military ruler Sani Abacha banned political activity.", "1993-11-18", "Sani Abacha", "NGAGOV"],
  ["Algerian President Chadli Bendjedid resigned.", "1992-01-11", "Chadli Bendjedid", "DZAGOV"],
  ["Rangoon rejected the opposition's demands.", "1989-07-20", "Rangoon", "MMR"],
  ["Peking protested to Hanoi over the border clashes.", "1984-04-30", "Peking", "CHN"],
  ["Pretoria sent troops into southern Angola.", "1987-10-01", "Pretoria", "ZAF"],
  ["The Organisation of African Unity condemned the coup.", "1993-10-22", "Organisation of African Unity", "IGOAFROAU"],
  ["The European Community imposed sanctions on Yugoslavia.", "1991-11-08", "European Community", "IGOEUREEC"],
  ["The Warsaw Pact dissolved its military structure.", "1991-04-01", "Warsaw Pact", "IGOEEUWPT"],
  ["UNPROFOR peacekeepers left Srebrenica.", "1995-07-12", "UNPROFOR", "IGOUNOPKO"],
  ["ECOMOG troops pushed the NPFL out of Monrovia.", "1992-12-01", "ECOMOG", "IGOWAFWASPKO"],
  ["Nepal's Maoist rebels attacked a police post in the west.", "2003-11-10", "Maoist rebels", "NPLREB"],
  ["Maoist leader Prachanda called for talks with the king.", "2005-09-05", "Prachanda", "NPLREB"],
  ["King Gyanendra dismissed the government and seized power.", "2005-02-01", "King Gyanendra", "NPLGOV"],
  ["The Tamil Tigers sank a navy boat off Trincomalee.", "2006-01-07", "Tamil Tigers", "LKASEPLTT"],
  ["Sri Lankan President Mahinda Rajapaksa declared victory over the LTTE.", "2009-05-18", "Mahinda Rajapaksa", "LKAGOV"],
  ["The Sadr City militia of Moqtada al-Sadr clashed with U.S. troops.", "2004-08-10", "Moqtada al-Sadr", "IRQREB"],
  ["The Mahdi Army fought U.S. forces in Najaf.", "2004-08-10", "Mahdi Army", "IRQREBMHD"],
  ["Iraqi Prime Minister Nouri al-Maliki met President Bush in Amman.", "2006-11-30", "Nouri al-Maliki", "IRQGOV"],
  ["Afghan President Hamid Karzai accused Pakistan of harbouring the Taliban.", "2006-09-20", "Hamid Karzai", "AFGGOV"],
  ["Gulbuddin Hekmatyar's Hezb-e-Islami claimed the attack.", "2008-04-27", "Hezb-e-Islami", "AFGREBHIG"],
  ["The Janjaweed militia burned villages in Darfur.", "2004-07-01", "Janjaweed", "SDNUAFJJW"],
  ["The Justice and Equality Movement attacked Omdurman.", "2008-05-10", "Justice and Equality Movement", "SDNREBJEM"],
  ["Hezbollah captured two Israeli soldiers on the border.", "2006-07-12", "Hezbollah", "LBNREBHEZ"],
  ["Israeli Prime Minister Ehud Olmert ordered air strikes on Lebanon.", "2006-07-12", "Ehud Olmert", "ISRGOV"],
  ["Georgian President Mikheil Saakashvili accused Moscow of aggression.", "2008-08-09", "Mikheil Saakashvili", "GEOGOV"],
  ["South Ossetian separatists shelled Georgian villages.", "2008-08-07", "South Ossetian separatists", "GEOSEP"],
  ["Chechen rebel leader Aslan Maskhadov was killed by Russian forces.", "2005-03-08", "Aslan Maskhadov", "RUSREB"],
  ["The KLA disbanded under a NATO-brokered deal.", "1999-09-20", "KLA", "KSVREBKLA"],
  ["Indonesian troops and militias rampaged through Dili.", "1999-09-07", "Dili", "TLS"],
  ["Fretilin won East Timor's first election.", "2001-08-30", "Fretilin", "TLSREBFRT"],
  ["Laurent Gbagbo refused to cede power to Alassane Ouattara.", "2010-12-10", "Laurent Gbagbo", "CIVGOV"],
  ["Congolese rebels of the RCD took Goma.", "1998-08-05", "RCD", "CODREBRCD"],
  ["The Islamic Courts Union declared holy war on Ethiopia.", "2006-12-21", "Islamic Courts Union", "SOMREBICU"],
  ["Al-Shabaab fighters seized the port of Kismayo.", "2008-08-22", "Al-Shabaab", "SOMREBSHB"],
  ["The FARC freed Ingrid Betancourt's fellow hostages.", "2008-02-27", "FARC", "COLREBFRC"],
  ["Colombian President Alvaro Uribe rejected the FARC's demands.", "2005-06-01", "Alvaro Uribe", "COLGOV"],
  ["Venezuelan President Hugo Chavez accused Washington of plotting a coup.", "2002-04-15", "Hugo Chavez", "VENGOV"],
  ["Hamas won the Palestinian parliamentary election.", "2006-01-26", "Hamas", "PSEREBHMS"],
  ["Fatah gunmen clashed with Hamas in Gaza.", "2007-06-12", "Fatah", "PSEGOVFTA"],
  ["Palestinian Prime Minister Ismail Haniyeh refused to recognise Israel.", "2006-04-01", "Ismail Haniyeh", "PSEGOV"],
  ["Abu Sayyaf gunmen beheaded an American hostage.", "2001-06-12", "Abu Sayyaf", "IMGSEAMOSASF"],
  ["Jemaah Islamiyah was blamed for the Bali bombings.", "2002-10-14", "Jemaah Islamiyah", "IMGSEAMOSJMA"],
  ["GAM rebels signed a peace deal with Jakarta in Helsinki.", "2005-08-15", "GAM", "IDNSEPGAM"],
  ["The PKK ended its unilateral ceasefire.", "2004-06-01", "PKK", "TURREBPKK"],
  ["ETA set off a car bomb in Madrid.", "2000-11-21", "ETA", "ESPSEPETA"],
  ["The Real IRA bombed the town of Omagh.", "1998-08-15", "Real IRA", "GBRREBIRA"],
  ["Sinn Fein leader Gerry Adams met Prime Minister Tony Blair.", "1997-10-13", "Gerry Adams", "GBROPP"],
  ["The Lord's Resistance Army abducted hundreds of children.", "2003-06-10", "Lord's Resistance Army", "UGAREBLRA"],
  ["Ugandan President Yoweri Museveni sent troops into Congo.", "1998-08-30", "Yoweri Museveni", "UGAGOV"],
  ["Rwandan Patriotic Front rebels captured Kigali.", "1994-07-04", "Rwandan Patriotic Front", "RWAREBRPF"],
  ["Eritrean President Isaias Afwerki accused Ethiopia of aggression.", "1998-06-05", "Isaias Afwerki", "ERIGOV"],
  ["Ethiopian Prime Minister Meles Zenawi ordered the offensive.", "1999-02-06", "Meles Zenawi", "ETHGOV"],
  ["Zimbabwean President Robert Mugabe seized white-owned farms.", "2000-06-01", "Robert Mugabe", "ZWEGOV"],
  ["Opposition leader Morgan Tsvangirai was charged with treason.", "2002-02-25", "Morgan Tsvangirai", "ZWEOPP"],
  ["Pakistani President Pervez Musharraf survived an assassination attempt.", "2003-12-14", "Pervez Musharraf", "PAKGOV"],
  ["Lashkar-e-Taiba was blamed for the Mumbai attacks.", "2008-11-28", "Lashkar-e-Taiba", "IMGMOSLET"],
  ["North Korean leader Kim Jong-il met Japanese Prime Minister Junichiro Koizumi.", "2002-09-17", "Kim Jong-il", "PRKGOV"],
  ["Chinese President Jiang Zemin visited Washington.", "1997-10-29", "Jiang Zemin", "CHNGOV"],
  ["Russian President Boris Yeltsin sent troops into Chechnya.", "1994-12-11", "Boris Yeltsin", "RUSGOV"],
  ["Chechen President Dzhokhar Dudayev vowed to resist.", "1994-12-12", "Dzhokhar Dudayev", "RUSREB"],
  ["The Soviet Union withdrew its last troops from Afghanistan.", "1989-02-15", "Soviet Union", "USR"],
  ["Soviet troops withdrew from Afghanistan.", "1989-02-15", "Afghanistan", "AFG"],
  ["Czechoslovakia expelled three British diplomats.", "1988-02-02", "Czechoslovakia", "CZA"],
  ["East Germany opened the Berlin Wall.", "1989-11-09", "East Germany", "GME"],
  ["West Germany recalled its ambassador from Pretoria.", "1986-06-10", "West Germany", "GMW"],
  ["North Yemen and South Yemen agreed to unite.", "1989-11-30", "North Yemen", "YMN"],
  ["North Yemen and South Yemen agreed to unite.", "1989-11-30", "South Yemen", "YMS"],
  ["Aden accused Sanaa of massing troops on the border.", "1986-01-20", "Aden", "YMS"],
  ["Sanaa accused Aden of backing rebels.", "1986-01-20", "Sanaa", "YMN"],
  ["Upper Volta changed its name to Burkina Faso.", "1984-08-04", "Upper Volta", "BFA"],
  ["Zairean soldiers looted Kinshasa.", "1993-01-28", "Zairean soldiers", "CODMIL"],
  ["Kinshasa accused Kigali of invading.", "1998-08-05", "Kinshasa", "COD"],
  ["Kinshasa accused Kigali of invading.", "1998-08-05", "Kigali", "RWA"],
  ["Rangoon closed the universities.", "1996-12-10", "Rangoon", "MMR"],
  ["Burmese troops shelled Karen positions.", "1995-01-27", "Burmese troops", "MMRMIL"],
  ["Karen guerrillas abandoned Manerplaw.", "1995-01-27", "Karen guerrillas", "MMRREBKNU"],
  ["Swaziland's King Mswati dissolved parliament.", "1992-10-12", "Swaziland", "SWZ"],
  ["East Timor voted for independence.", "1999-08-30", "East Timor", "TLS"],
  ["Kampuchea's Heng Samrin government rejected the plan.", "1985-03-01", "Heng Samrin", "KHMGOV"],
  ["The Vietnamese-backed Phnom Penh government rejected the offer.", "1987-05-01", "Phnom Penh", "KHM"],
  ["Moscow and Washington signed the INF treaty.", "1987-12-08", "Moscow", "USR"],
  ["Bonn and Paris proposed a joint brigade.", "1987-06-19", "Bonn", "GMW"],
  ["Bonn welcomed the election result in Moscow.", "1996-07-04", "Bonn", "DEU"],
  ["The Kremlin rejected Lithuania's declaration of independence.", "1990-03-12", "Kremlin", "USRGOV"],
  ["The Kremlin ordered troops into Chechnya.", "1994-12-11", "Kremlin", "RUSGOV"],
  ["Belgrade sent tanks into Slovenia.", "1991-06-27", "Belgrade", "YUG"],
  ["Belgrade accepted the Rambouillet talks.", "1999-02-06", "Belgrade", "FRY"],
  ["Prague and Bratislava agreed to split.", "1992-07-23", "Prague", "CZA"],
  ["The Supreme Soviet voted to dissolve the union.", "1991-12-26", "Supreme Soviet", "RUSLEG"],
  ["Tass said the talks had been constructive.", "1986-10-12", "Tass", "USRMED"],
  ["Tanjug said the army had withdrawn.", "1991-07-18", "Tanjug", "YUGMED"],
  ["The Stasi spied on dissidents.", "1988-05-05", "Stasi", "GMESPY"],
  ["Solidarity leader Lech Walesa met Pope John Paul.", "1987-06-11", "Lech Walesa", "POLOPP"],
  ["The Securitate fired on protesters in Timisoara.", "1989-12-17", "Securitate", "ROUSPY"],
  ["The Communist Party of the Soviet Union gave up its monopoly on power.", "1990-02-07", "Communist Party of the Soviet Union", "USRGOVCMN"]
];

test("1980s-2000s wire sentences: each actor's code at the story's date", { skip }, () => {
  const wrong: string[] = [];
  for (const [text, date, mention, code] of CASES) {
    const ents = analyzer!.analyzeDoc(text, { date, until: "entities" }).get("entities");
    const e = ents.find((x) => x.text === mention);
    const got = e ? (e.actor?.code ?? "none") : "not found";
    if (got !== code) wrong.push(`${date} ${mention}: ${got}, want ${code} ("${text}")`);
  }
  assert.deepEqual(wrong, []);
});

test("a historical state's capital, name and demonym read by date", { skip }, () => {
  const r = new Resources(fsDataSource([]));
  const code = (name: string, date: string) => resolveActor(r, name, date).actor?.code ?? null;
  assert.equal(code("Bonn", "1988-06-01"), "GMW");
  assert.equal(code("Bonn", "1990-10-02"), "GMW");
  assert.equal(code("Bonn", "1990-10-03"), "DEU");
  assert.equal(code("Bonn", "1995-06-01"), "DEU");
  assert.equal(code("Moscow", "1991-12-25"), "USR");
  assert.equal(code("Moscow", "1992-01-10"), "RUS");
  assert.equal(code("Belgrade", "1985-01-01"), "YUG");
  assert.equal(code("Belgrade", "1999-04-01"), "FRY");
  assert.equal(code("Belgrade", "2004-01-01"), "SCG");
  assert.equal(code("Belgrade", "2010-01-01"), "SRB");
  assert.equal(code("Yugoslavia", "1985-01-01"), "YUG");
  assert.equal(code("Yugoslavia", "1995-01-01"), "FRY");
  assert.equal(code("Prague", "1985-01-01"), "CZA");
  assert.equal(code("Prague", "1995-01-01"), "CZE");
  assert.equal(code("Sanaa", "1985-01-01"), "YMN");
  assert.equal(code("Aden", "1985-01-01"), "YMS");
  // a state's own name or demonym after its end, with no successor reading, stays the state
  assert.equal(code("Soviet", "2020-01-01"), "USR");
  assert.equal(code("East Germany", "2000-01-01"), "GME");
  // old names of today's states
  assert.equal(code("Zaire", "1995-01-01"), "COD");
  assert.equal(code("Zairean", "1995-01-01"), "COD");
  assert.equal(code("Kampuchea", "1985-01-01"), "KHM");
  assert.equal(code("Rhodesia", "1975-01-01"), "ZWE");
  assert.equal(code("Upper Volta", "1980-01-01"), "BFA");
  assert.equal(code("Ceylon", "1970-01-01"), "LKA");
  assert.equal(code("Dahomey", "1970-01-01"), "BEN");
  assert.equal(code("Leopoldville", "1960-01-01"), "COD");
});

test("groups of the era: country and sector by date", { skip }, () => {
  const r = new Resources(fsDataSource([]));
  const code = (name: string, date: string) => resolveActor(r, name, date).actor?.code ?? null;
  assert.equal(code("EPRDF", "1990-01-01"), "ETHREBEPR");
  assert.equal(code("EPRDF", "1995-01-01"), "ETHGOVEPR");
  assert.equal(code("ZANU", "1975-01-01"), "ZWEREBZNU");
  assert.equal(code("ZANU", "1985-01-01"), "ZWEGOVZNU");
  assert.equal(code("Solidarity", "1985-01-01"), "POLOPPSOL");
  assert.equal(code("Solidarity", "1990-01-01"), "POLGOVSOL");
  assert.equal(code("AFRC", "1997-09-01"), "SLEGOVAFR");
  assert.equal(code("AFRC", "1999-01-01"), "SLEREBAFR");
  assert.equal(code("SLORC", "1990-01-01"), "MMRGOV");
  assert.equal(code("Stasi", "1985-01-01"), "GMESPY");
  assert.equal(code("Communist Party of the Soviet Union", "1985-01-01"), "USRGOVCMN");
  assert.equal(code("Union of Islamic Courts", "2006-08-01"), "SOMREBICU");
});

test("a sentence-initial common word before a preposition is the word, not the group of that name", { skip }, () => {
  const ents = analyzer!.analyzeDoc("Solidarity with the strikers grew across Europe on Tuesday.", { date: "2022-03-01", until: "entities" }).get("entities");
  assert.equal(ents.find((e) => e.text === "Solidarity"), undefined);
});

test("diacritics: 'Tô' is not 'to', and 'Hà Nội' is Hanoi", { skip }, () => {
  const ents = analyzer!.analyzeDoc("Tô Lâm said on Friday that Vietnam would deepen ties with Japan.", { date: "2025-01-10", until: "entities" }).get("entities");
  assert.equal(ents.find((e) => e.text === "Tô Lâm")?.actor?.code, "VNMGOV");
  const hanoi = analyzer!.analyzeDoc("Hà Nội rejected the claim.", { date: "2020-01-10", until: "entities" }).get("entities");
  assert.equal(hanoi.find((e) => e.text === "Hà Nội")?.actor?.code, "VNM");
});

test("a party name several countries use takes the country the phrase names", { skip }, () => {
  const r = new Resources(fsDataSource([]));
  const code = (name: string, date: string) => resolveActor(r, name, date).actor?.code ?? null;
  assert.equal(code("Japanese Communist Party", "1985-01-01"), "JPNPTY");
  assert.equal(code("Italian Communist Party", "1985-01-01"), "ITAOPPPCI");
  assert.equal(code("Communist Party of India", "1990-01-01"), "INDPTY");
  assert.equal(code("Japan Socialist Party", "1990-01-01"), "JPNOPPJSP");
  assert.equal(code("Communist Party of Nepal", "1990-01-01"), "NPLPTY");
  assert.equal(code("Chinese Communist Party", "1990-01-01"), "CHNGOVCMN");
  assert.equal(code("Cuban Communist Party", "1990-01-01"), "CUBGOVCMN");
  // a one-word ambiguous name ("Union", Germany's CDU/CSU) inside a longer name is a word of it
  assert.notEqual(code("Arab Socialist Union", "1975-01-01")?.slice(0, 3), "DEU");
  assert.equal(code("Kremlin officials", "1990-01-01"), "USRGOV");
});

test("news agencies of the era, and acronyms in phrases", { skip }, () => {
  const r = new Resources(fsDataSource([]));
  const code = (name: string, date: string) => resolveActor(r, name, date).actor?.code ?? null;
  assert.equal(code("Tass", "1985-01-01"), "USRMED");
  assert.equal(code("TASS", "2000-01-01"), "RUSMED");
  assert.equal(code("Tanjug", "1985-01-01"), "YUGMED");
  assert.equal(code("Tanjug", "1995-01-01"), "FRYMED");
  // a short acronym the book writes only in capitals matches only in capitals ("PAN" is Mexico's party)
  assert.equal(code("Pan African News Agency", "1990-01-01"), null);
  // a longer one also written as a name, as British papers write it
  assert.equal(code("Farc rebels", "2000-01-01"), "COLREBFRC");
});

test("names with a lower-case prefix and hyphenated given names stay whole", { skip }, () => {
  const code = (text: string, date: string, mention: string) =>
    analyzer!.analyzeDoc(text, { date, until: "entities" }).get("entities").find((e) => e.text === mention)?.actor?.code ?? "none";
  assert.equal(code("Zia ul-Haq rejected the offer on Tuesday.", "1987-01-01", "Zia ul-Haq"), "PAKGOV");
  assert.equal(code("Officials said Jean-Pierre Bemba would attend the talks.", "2004-01-01", "Jean-Pierre Bemba"), "CODGOV");
  assert.equal(code("Officials said Hans-Dietrich Genscher would attend the talks.", "1989-01-01", "Hans-Dietrich Genscher"), "DEUGOV");
});

test("a group with no country of its own after a country's possessive is that country's", { skip }, () => {
  const ents = analyzer!.analyzeDoc("Nepal's Maoist rebels attacked a police post in the west.", { date: "2003-11-10", until: "entities" }).get("entities");
  assert.equal(ents.find((e) => e.text === "Maoist rebels")?.actor?.code, "NPLREB");
  const r = new Resources(fsDataSource([]));
  assert.equal(resolveActor(r, "CPN-M", "2003-01-01").actor?.code, "NPLREBMAO");
  assert.equal(resolveActor(r, "South Ossetian", "2008-08-01").actor?.country, "GEO");
});

test("a one-word ambiguous name inside a longer capitalised name is a word of it, but not before a title", { skip }, () => {
  const r = new Resources(fsDataSource([]));
  const code = (name: string) => resolveActor(r, name, "2016-01-01").actor?.code ?? null;
  assert.equal(code("Kurdish Democratic Union Party"), null);
  assert.equal(code("Times Union Center"), null);
  assert.equal(code("former CIA officer"), "USASPY");
  assert.equal(code("Treasury Secretary"), "USAGOV");
  assert.equal(code("former Kremlin official"), "RUSGOV");
});
