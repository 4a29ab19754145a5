/**
 * Reference tables of the sample generator (internal): names, places, the product catalogue and the
 * physical shops. Written for this library; population figures are the IBGE 2022 census (millions of
 * inhabitants per state), CEP ranges follow the Correios allocation by state, DDDs the Anatel plan.
 *
 * @internal
 * @module
 */

/** Countries the sample base covers. */
export type SampleCountry = 'BR' | 'PT' | 'US';

/** One place a customer can live in. */
export interface Place {
  /** ISO country. */
  country: SampleCountry;
  /** State (BR UF, US state) or district (PT). */
  state: string;
  /** City name with accents. */
  city: string;
  /** IANA time zone. */
  timeZone: string;
  /** Area codes (BR DDD, US NPA); empty for PT. */
  areaCodes: readonly string[];
  /** First postal prefix (BR: 5 digits, PT: 4 digits, US: 5 digits). */
  postalFrom: number;
  /** Last postal prefix. */
  postalTo: number;
  /** Relative weight within its country. */
  weight: number;
  /** Macro-region, for delivery times: `se_s`, `co`, `ne`, `n`, `pt`, `us`. */
  region: 'se_s' | 'co' | 'ne' | 'n' | 'pt' | 'us';
}

// State populations, IBGE Censo 2022 (millions, rounded).
const BR_STATE_POP: Readonly<Record<string, number>> = {
  SP: 44.41, MG: 20.54, RJ: 16.05, BA: 14.14, PR: 11.44, RS: 10.88, PE: 9.06, CE: 8.79, PA: 8.12, SC: 7.61,
  GO: 7.06, MA: 6.78, PB: 3.97, AM: 3.94, ES: 3.83, MT: 3.66, RN: 3.3, PI: 3.27, AL: 3.13, DF: 2.82, MS: 2.76,
  SE: 2.21, RO: 1.58, TO: 1.51, AC: 0.83, AP: 0.73, RR: 0.64,
};

const BR_REGION: Readonly<Record<string, Place['region']>> = {
  SP: 'se_s', MG: 'se_s', RJ: 'se_s', ES: 'se_s', PR: 'se_s', SC: 'se_s', RS: 'se_s',
  GO: 'co', DF: 'co', MT: 'co', MS: 'co',
  BA: 'ne', PE: 'ne', CE: 'ne', MA: 'ne', PB: 'ne', RN: 'ne', PI: 'ne', AL: 'ne', SE: 'ne',
  PA: 'n', AM: 'n', RO: 'n', TO: 'n', AC: 'n', AP: 'n', RR: 'n',
};

// UF|city|zone suffix (America/…)|DDDs|CEP from|CEP to|weight within the state.
const BR_CITIES = `SP|São Paulo|Sao_Paulo|11|01000|05999|12.4
SP|Guarulhos|Sao_Paulo|11|07000|07399|1.3
SP|Campinas|Sao_Paulo|19|13000|13139|1.1
SP|Santos|Sao_Paulo|13|11000|11099|0.42
SP|Ribeirão Preto|Sao_Paulo|16|14000|14114|0.7
SP|São José dos Campos|Sao_Paulo|12|12200|12248|0.7
SP|Sorocaba|Sao_Paulo|15|18000|18109|0.72
SP|São José do Rio Preto|Sao_Paulo|17|15000|15099|0.48
SP|Bauru|Sao_Paulo|14|17000|17099|0.38
SP|Presidente Prudente|Sao_Paulo|18|19000|19099|0.23
RJ|Rio de Janeiro|Sao_Paulo|21|20000|23799|6.2
RJ|Niterói|Sao_Paulo|21|24000|24399|0.48
RJ|Duque de Caxias|Sao_Paulo|21|25000|25499|0.8
RJ|Campos dos Goytacazes|Sao_Paulo|22|28000|28099|0.48
RJ|Petrópolis|Sao_Paulo|24|25600|25779|0.28
ES|Vitória|Sao_Paulo|27|29000|29099|0.32
ES|Vila Velha|Sao_Paulo|27|29100|29129|0.47
ES|Serra|Sao_Paulo|27|29160|29184|0.52
ES|Cachoeiro de Itapemirim|Sao_Paulo|28|29300|29319|0.19
MG|Belo Horizonte|Sao_Paulo|31|30000|31999|2.3
MG|Contagem|Sao_Paulo|31|32000|32399|0.62
MG|Uberlândia|Sao_Paulo|34|38400|38415|0.71
MG|Juiz de Fora|Sao_Paulo|32|36000|36099|0.54
MG|Montes Claros|Sao_Paulo|38|39400|39409|0.41
MG|Governador Valadares|Sao_Paulo|33|35000|35099|0.26
MG|Divinópolis|Sao_Paulo|37|35500|35508|0.23
MG|Poços de Caldas|Sao_Paulo|35|37700|37719|0.16
PR|Curitiba|Sao_Paulo|41|80000|82999|1.77
PR|Londrina|Sao_Paulo|43|86000|86099|0.56
PR|Maringá|Sao_Paulo|44|87000|87099|0.41
PR|Ponta Grossa|Sao_Paulo|42|84000|84099|0.36
PR|Cascavel|Sao_Paulo|45|85800|85824|0.35
PR|Francisco Beltrão|Sao_Paulo|46|85600|85609|0.1
SC|Florianópolis|Sao_Paulo|48|88000|88099|0.54
SC|Joinville|Sao_Paulo|47|89200|89239|0.62
SC|Blumenau|Sao_Paulo|47|89000|89099|0.36
SC|Chapecó|Sao_Paulo|49|89800|89816|0.25
RS|Porto Alegre|Sao_Paulo|51|90000|91999|1.33
RS|Caxias do Sul|Sao_Paulo|54|95000|95124|0.46
RS|Pelotas|Sao_Paulo|53|96000|96099|0.33
RS|Santa Maria|Sao_Paulo|55|97000|97119|0.27
GO|Goiânia|Sao_Paulo|62|74000|74899|1.44
GO|Aparecida de Goiânia|Sao_Paulo|62|74900|74999|0.53
GO|Anápolis|Sao_Paulo|62|75000|75149|0.4
GO|Rio Verde|Sao_Paulo|64|75900|75914|0.23
DF|Brasília|Sao_Paulo|61|70000|72799|2.82
MS|Campo Grande|Campo_Grande|67|79000|79124|0.9
MS|Dourados|Campo_Grande|67|79800|79849|0.24
MT|Cuiabá|Cuiaba|65|78000|78109|0.65
MT|Várzea Grande|Cuiaba|65|78110|78159|0.3
MT|Rondonópolis|Cuiaba|66|78700|78764|0.24
MT|Sinop|Cuiaba|66|78550|78559|0.2
BA|Salvador|Bahia|71|40000|42599|2.42
BA|Feira de Santana|Bahia|75|44000|44149|0.62
BA|Vitória da Conquista|Bahia|77|45000|45099|0.37
BA|Ilhéus|Bahia|73|45650|45664|0.18
BA|Juazeiro|Bahia|74|48900|48909|0.24
SE|Aracaju|Maceio|79|49000|49099|0.6
AL|Maceió|Maceio|82|57000|57099|0.96
AL|Arapiraca|Maceio|82|57300|57319|0.23
PE|Recife|Recife|81|50000|52999|1.49
PE|Jaboatão dos Guararapes|Recife|81|54000|54499|0.64
PE|Olinda|Recife|81|53000|53399|0.35
PE|Caruaru|Recife|81|55000|55099|0.38
PE|Petrolina|Recife|87|56300|56339|0.39
PB|João Pessoa|Fortaleza|83|58000|58099|0.83
PB|Campina Grande|Fortaleza|83|58400|58449|0.42
RN|Natal|Fortaleza|84|59000|59099|0.75
RN|Mossoró|Fortaleza|84|59600|59649|0.26
CE|Fortaleza|Fortaleza|85|60000|61599|2.43
CE|Juazeiro do Norte|Fortaleza|88|63000|63099|0.29
CE|Sobral|Fortaleza|88|62000|62099|0.2
PI|Teresina|Fortaleza|86|64000|64099|0.87
PI|Parnaíba|Fortaleza|86|64200|64219|0.16
MA|São Luís|Fortaleza|98|65000|65099|1.04
MA|Imperatriz|Fortaleza|99|65900|65919|0.27
PA|Belém|Belem|91|66000|66999|1.3
PA|Ananindeua|Belem|91|67000|67199|0.48
PA|Santarém|Santarem|93|68000|68099|0.33
PA|Marabá|Belem|94|68500|68509|0.27
AP|Macapá|Belem|96|68900|68914|0.44
TO|Palmas|Araguaina|63|77000|77270|0.3
AM|Manaus|Manaus|92|69000|69099|2.06
AM|Parintins|Manaus|92|69150|69154|0.1
RR|Boa Vista|Boa_Vista|95|69300|69339|0.41
RO|Porto Velho|Porto_Velho|69|76800|76834|0.46
RO|Ji-Paraná|Porto_Velho|69|76900|76914|0.12
AC|Rio Branco|Rio_Branco|68|69900|69923|0.36`;

// Fernando de Noronha (PE, zone America/Noronha, CEP 53990-000). Its ~3,000 inhabitants would be
// 0.0015% of customers; the weight (millions) is inflated ×16 so the zone shows up in a 5,000-customer base.
const NORONHA_WEIGHT = 0.05;

// state|city|zone|area codes|ZIP from|ZIP to|weight (metro population, millions)
const US_CITIES = `NY|New York|America/New_York|212 646 917 718|10001|10282|8.3
MA|Boston|America/New_York|617 857|02108|02137|0.65
NJ|Newark|America/New_York|973 862|07101|07199|0.3
FL|Miami|America/New_York|305 786|33125|33199|0.45
FL|Orlando|America/New_York|407 321|32801|32839|0.31
IL|Chicago|America/Chicago|312 773 872|60601|60661|2.7
TX|Houston|America/Chicago|713 832 281|77002|77099|2.3
CO|Denver|America/Denver|303 720|80202|80239|0.71
AZ|Phoenix|America/Phoenix|602 480|85003|85054|1.6
CA|Los Angeles|America/Los_Angeles|213 310 323|90001|90089|3.9
CA|San Francisco|America/Los_Angeles|415 628|94102|94134|0.8
WA|Seattle|America/Los_Angeles|206|98101|98199|0.75`;

// district|city|zone|CP4 from|CP4 to|weight (population, millions)
const PT_CITIES = `Lisboa|Lisboa|Europe/Lisbon|1000|1990|2.9
Porto|Porto|Europe/Lisbon|4000|4369|1.7
Braga|Braga|Europe/Lisbon|4700|4719|0.4
Coimbra|Coimbra|Europe/Lisbon|3000|3049|0.4
Aveiro|Aveiro|Europe/Lisbon|3800|3814|0.2
Faro|Faro|Europe/Lisbon|8000|8009|0.45
Setúbal|Setúbal|Europe/Lisbon|2900|2914|0.3
Madeira|Funchal|Atlantic/Madeira|9000|9099|0.25
Açores|Ponta Delgada|Atlantic/Azores|9500|9504|0.24`;

function parsePlaces(): Place[] {
  const places: Place[] = [];
  const byState = new Map<string, number>();
  const rows = BR_CITIES.split('\n').map((line) => line.split('|'));
  for (const r of rows) byState.set(r[0] ?? '', (byState.get(r[0] ?? '') ?? 0) + Number(r[6]));
  for (const r of rows) {
    const uf = r[0] ?? '';
    places.push({
      country: 'BR',
      state: uf,
      city: r[1] ?? '',
      timeZone: `America/${r[2] ?? ''}`,
      areaCodes: (r[3] ?? '').split(' '),
      postalFrom: Number(r[4]),
      postalTo: Number(r[5]),
      weight: ((BR_STATE_POP[uf] ?? 0) * Number(r[6])) / (byState.get(uf) ?? 1),
      region: BR_REGION[uf] ?? 'se_s',
    });
  }
  places.push({
    country: 'BR', state: 'PE', city: 'Fernando de Noronha', timeZone: 'America/Noronha', areaCodes: ['81'],
    postalFrom: 53990, postalTo: 53990, weight: NORONHA_WEIGHT, region: 'ne',
  });
  for (const line of US_CITIES.split('\n')) {
    const r = line.split('|');
    places.push({
      country: 'US', state: r[0] ?? '', city: r[1] ?? '', timeZone: r[2] ?? '', areaCodes: (r[3] ?? '').split(' '),
      postalFrom: Number(r[4]), postalTo: Number(r[5]), weight: Number(r[6]), region: 'us',
    });
  }
  for (const line of PT_CITIES.split('\n')) {
    const r = line.split('|');
    places.push({
      country: 'PT', state: r[0] ?? '', city: r[1] ?? '', timeZone: r[2] ?? '', areaCodes: [],
      postalFrom: Number(r[3]), postalTo: Number(r[4]), weight: Number(r[5]), region: 'pt',
    });
  }
  return places;
}

/** Every place, Brazil first. */
export const PLACES: readonly Place[] = parsePlaces();

/** Given names and surnames of one country. */
export interface NameList {
  /** Female given names. */
  female: readonly string[];
  /** Male given names. */
  male: readonly string[];
  /** Surnames. */
  surnames: readonly string[];
}

const split = (s: string): readonly string[] => s.split(' ').map((w) => w.replace(/_/g, ' '));

/** Common given names and surnames per country (short lists written for the sample, not a census). */
export const NAMES: Readonly<Record<SampleCountry, NameList>> = {
  BR: {
    female: split(
      'Ana Maria Juliana Fernanda Camila Beatriz Larissa Amanda Patrícia Aline Bruna Letícia Gabriela Mariana Vanessa Jéssica Renata Carolina Natália Luana Helena Alice Cecília Sofia Rafaela Débora Tatiane Simone Cláudia Sandra Adriana Luciana Márcia Priscila Isabela Lívia Raquel Daniela Vitória Thaís Ana_Paula Maria_Eduarda Ana_Clara Maria_Luiza',
    ),
    male: split(
      'João José Pedro Lucas Gabriel Rafael Felipe Bruno Gustavo Matheus Thiago Rodrigo Diego Eduardo Leonardo André Marcelo Carlos Fernando Ricardo Paulo Daniel Vinícius Henrique Caio Igor Murilo Arthur Davi Heitor Miguel Bernardo Samuel Otávio Renan Fábio Márcio Luiz Antônio Wellington João_Pedro Luiz_Felipe João_Vitor Carlos_Eduardo',
    ),
    surnames: split(
      'Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Santana Teixeira Araújo Pinto Correia Monteiro Cavalcanti Moura Campos Batista Azevedo Castro Duarte Farias Brandão',
    ),
  },
  PT: {
    female: split('Maria Ana Beatriz Inês Mariana Carolina Leonor Matilde Sofia Rita Catarina Joana Marta Sara Filipa Teresa'),
    male: split('João Francisco Tiago Rodrigo Martim Santiago Duarte Tomás Diogo Miguel Rui Nuno Pedro Gonçalo Afonso Henrique'),
    surnames: split(
      'Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira Correia Mendes Nunes',
    ),
  },
  US: {
    female: split('Emily Jessica Ashley Sarah Jennifer Amanda Elizabeth Megan Lauren Olivia Emma Madison Hannah Rachel Nicole Samantha'),
    male: split('Michael Christopher Matthew Joshua David James Daniel Robert John Joseph Andrew Ryan Brandon Tyler William Ethan'),
    surnames: split(
      'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Walker Young Allen King Wright',
    ),
  },
};

/** Street names per country. */
export const STREETS: Readonly<Record<SampleCountry, readonly string[]>> = {
  BR: split(
    'Rua_das_Flores Avenida_Brasil Rua_São_João Rua_XV_de_Novembro Rua_Sete_de_Setembro Avenida_Getúlio_Vargas Rua_Tiradentes Rua_Dom_Pedro_II Rua_Santos_Dumont Avenida_Independência Rua_Marechal_Deodoro Rua_Barão_do_Rio_Branco Rua_Rui_Barbosa Rua_Castro_Alves Rua_José_Bonifácio Rua_Duque_de_Caxias Rua_das_Palmeiras Rua_dos_Ipês Avenida_Beira-Mar Rua_Amazonas',
  ),
  PT: split('Rua_Augusta Avenida_da_Liberdade Rua_de_Santa_Catarina Rua_do_Almada Avenida_da_República Rua_Direita Rua_da_Prata Travessa_do_Carmo Rua_do_Comércio'),
  US: split('Main_St Oak_Ave Maple_St Washington_Ave Park_Ave Lake_Dr Pine_St Elm_St Broadway Cedar_Ln Highland_Ave'),
};

/** Neighbourhoods (*bairros*) used for Brazilian addresses. */
export const BR_DISTRICTS: readonly string[] = split(
  'Centro Jardim_América Vila_Nova Boa_Vista Santa_Cruz São_José Jardim_das_Flores Bela_Vista Cidade_Nova Parque_São_Jorge Jardim_Europa Santa_Mônica Vila_Operária Jardim_Paulista',
);

/** Product categories of the catalogue. */
export type ProductCategory = 'food' | 'hygiene' | 'toys' | 'pharmacy' | 'accessories';

/** One product of the catalogue. */
export interface Product {
  /** SKU. */
  sku: string;
  /** Name in Portuguese. */
  name: string;
  /** Category. */
  category: ProductCategory;
  /** For which pets: `d` dogs, `c` cats, `b` both. */
  species: 'd' | 'c' | 'b';
  /** Price in BRL. */
  priceBRL: number;
}

// sku|name|category|species|price BRL (list prices of a mid-market Brazilian pet retailer, 2025, rounded).
const CATALOGUE = `RAC-CAO-AD-15|Ração Premium Cães Adultos 15 kg|food|d|229.9
RAC-CAO-AD-3|Ração Premium Cães Adultos 3 kg|food|d|69.9
RAC-CAO-FI-10|Ração Cães Filhotes 10 kg|food|d|199.9
RAC-CAO-SE-7|Ração Cães Sênior 7,5 kg|food|d|159.9
RAC-CAO-PP-3|Ração Cães Raças Pequenas 3 kg|food|d|84.9
RAC-GAT-AD-10|Ração Premium Gatos Adultos 10 kg|food|c|219.9
RAC-GAT-CA-3|Ração Gatos Castrados 3 kg|food|c|89.9
SACHE-GAT-12|Sachê Gatos 12 unidades|food|c|42.9
SHAMPOO-NEU|Shampoo Neutro 500 ml|hygiene|b|34.9
TAPETE-30|Tapete Higiênico 30 unidades|hygiene|d|69.9
AREIA-4KG|Areia Higiênica 4 kg|hygiene|c|29.9
ESCOVA-DENT|Kit Escova Dental Pet|hygiene|b|19.9
BOLINHA|Bolinha de Borracha|toys|d|14.9
MORDEDOR|Mordedor de Nylon|toys|d|29.9
ARRANHADOR|Arranhador com Plataforma|toys|c|129.9
VARINHA|Varinha com Penas|toys|c|19.9
ANTIPULGAS|Antipulgas Comprimido|pharmacy|b|119.9
VERMIFUGO|Vermífugo 4 comprimidos|pharmacy|b|39.9
COLEIRA-AP|Coleira Antipulgas 8 meses|pharmacy|d|149.9
COLEIRA|Coleira de Nylon|accessories|d|39.9
CAMA-M|Cama Pet Tamanho M|accessories|b|159.9
COMEDOURO|Comedouro Inox|accessories|b|49.9
TRANSPORTE|Caixa de Transporte|accessories|b|189.9
GUIA|Guia Retrátil 5 m|accessories|d|89.9`;

/** The catalogue. */
export const PRODUCTS: readonly Product[] = CATALOGUE.split('\n').map((line) => {
  const r = line.split('|');
  return {
    sku: r[0] ?? '',
    name: r[1] ?? '',
    category: (r[2] ?? 'food') as ProductCategory,
    species: (r[3] ?? 'b') as Product['species'],
    priceBRL: Number(r[4]),
  };
});

/** Physical shops: id and the city they are in (Brazil only). */
export const STORES: readonly { id: string; city: string }[] = `loja-sp-pinheiros|São Paulo
loja-sp-moema|São Paulo
loja-sp-tatuape|São Paulo
loja-campinas|Campinas
loja-rj-barra|Rio de Janeiro
loja-rj-tijuca|Rio de Janeiro
loja-bh-savassi|Belo Horizonte
loja-curitiba|Curitiba
loja-poa|Porto Alegre
loja-brasilia|Brasília
loja-salvador|Salvador
loja-recife|Recife
loja-fortaleza|Fortaleza
loja-goiania|Goiânia
loja-floripa|Florianópolis`
  .split('\n')
  .map((line) => {
    const [id, city] = line.split('|');
    return { id: id ?? '', city: city ?? '' };
  });

/** Free-mail domains and their weights per country. */
export const EMAIL_DOMAINS: Readonly<Record<SampleCountry, { domains: readonly string[]; weights: readonly number[] }>> = {
  BR: {
    domains: ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.br', 'uol.com.br', 'bol.com.br', 'terra.com.br', 'icloud.com', 'live.com'],
    weights: [55, 15, 6, 6, 4, 3, 2, 5, 4],
  },
  PT: { domains: ['gmail.com', 'hotmail.com', 'sapo.pt', 'outlook.pt', 'icloud.com'], weights: [55, 15, 15, 10, 5] },
  US: { domains: ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com'], weights: [50, 15, 12, 8, 10, 5] },
};

/** Words for B2B account names. */
export const ACCOUNT_NAME_PARTS = {
  petShop: split('Pet_Shop Petshop Mundo_Pet Casa_do_Bicho Banho_&_Tosa Empório_Pet Cantinho_Pet'),
  clinic: split('Clínica_Veterinária Hospital_Veterinário Vet Clínica_Vet Centro_Veterinário'),
  suffix: split('Aurora Bicho_Feliz São_Francisco Quatro_Patas Amigo_Fiel Focinho_Gelado Bem-Estar Patinhas Arca_de_Noé Vida_Animal Toca Caramelo Miau_&_Au Pelúcia Companhia'),
};

/**
 * Usual nicknames of given names (Brazilian and Portuguese use), as people type them in an app or a
 * shop clerk writes them down. Only names with one well-established nickname are listed.
 */
export const NICKNAMES: Readonly<Record<string, string>> = {
  José: 'Zé', Antônio: 'Toninho', Francisco: 'Chico', Eduardo: 'Edu', Leonardo: 'Léo', Rafael: 'Rafa', Felipe: 'Lipe',
  Gustavo: 'Guga', Rodrigo: 'Digo', Fernando: 'Nando', Ricardo: 'Rick', Vinícius: 'Vini', Henrique: 'Rique', Samuel: 'Samuca',
  Carlos: 'Carlinhos', Paulo: 'Paulinho', André: 'Dedé', Matheus: 'Teteu', Daniel: 'Dani', 'Carlos Eduardo': 'Cadu', 'Luiz Felipe': 'Lipe',
  Beatriz: 'Bia', Gabriela: 'Gabi', Fernanda: 'Nanda', Juliana: 'Ju', Camila: 'Mila', Larissa: 'Lari', Patrícia: 'Paty', Mariana: 'Mari',
  Vanessa: 'Nessa', Carolina: 'Carol', Natália: 'Nati', Isabela: 'Isa', Daniela: 'Dani', Rafaela: 'Rafa', Tatiane: 'Tati', Priscila: 'Pri',
  Adriana: 'Dri', Raquel: 'Quel', Cecília: 'Ciça', Helena: 'Lena', Vitória: 'Vivi', 'Maria Eduarda': 'Duda', 'Maria Luiza': 'Malu',
  Catarina: 'Cat', Filipa: 'Pipa', Tomás: 'Tomi',
};

/** Placeholder e-mails that shop staff type for customers who give none, with how often each is used. */
export const PLACEHOLDER_EMAILS: readonly (readonly [string, number])[] = [
  ['naotem@naotem.com.br', 3], ['sememail@gmail.com', 2], ['naotem@gmail.com', 1], ['x@x.com', 1],
  ['sem@email.com', 2], ['nao@tem.com', 1], ['naopossui@gmail.com', 1], ['nt@nt.com', 1],
];

/** Placeholder phone subscriber numbers (after the area code) typed the same way, with weights. */
export const PLACEHOLDER_PHONES: readonly (readonly [string, number])[] = [
  ['999999999', 3], ['900000000', 1], ['987654321', 1], ['912345678', 1], ['999990000', 1],
];

/** Placeholder CPFs typed the same way (the last has wrong check digits), with weights. */
export const PLACEHOLDER_CPFS: readonly (readonly [string, number])[] = [
  ['000.000.000-00', 3], ['111.111.111-11', 2], ['999.999.999-99', 1], ['123.456.789-09', 2], ['123.456.789-00', 1],
];
