"""Blind-panel calls kept as a regression set.

An outside trainer (a helper who had not read the rules) played these calls turn by turn against
the simulator and wrote down, before reading the scorecard, whether each agent was competent
(``judgements.json``: expert verdict, element judgements, the unfair judgements and incoherent
customer lines they counted). The scripts are our own words. Poor agents must never be judged
competent. Excellent agents *should* be: where today's scorer disagrees with the expert, the test
is a strict xfail naming the panel's finding, so a fix makes it pass and forces the expectation to
be updated here.
"""

from __future__ import annotations

import functools
import json
import re
from datetime import date
from pathlib import Path
from unittest import mock

import pytest

from simulator.content.library import load_library
from simulator.customer import facts
from simulator.session.call import CallSession
from simulator.session.script import ScriptRun, read_script, run_script
from tests.conftest import TEST_CALL_DATE

HERE = Path(__file__).parent
JUDGEMENTS = json.loads((HERE / "judgements.json").read_text("utf-8"))
# Excellent calls the scorer wrongly fails today (panels of 2026-12-04); remove an entry once fixed.
# Fixed after the second panel (tuned on these scripts, so no longer blind): c-02, e-01, e-02, e-04
# (amounts of the catalog claimed by another product of the turn, add-on totals, differences,
# coverage amounts), f-02 («Soy cliente cumplido» read as the name) and c-01 (an assumptive close
# answered with the data it asked for, by a customer ready to buy, is the customer's yes).
# Fixed by judging the call's kind: b-02 (the promise to pay is the collections close; the purpose
# is said after right-party contact), b-04 (data not yet due when the customer hung up; «Gracias,
# señor Marco Antonio» confirms the name) and b-03 (no data demanded once the call ended early).
# Fixed after the third panel: h-05 («cubre todo hasta los 20 millones» after the deductible
# and coinsurance is cost sharing up to the sum insured; «para respetar su decisión… ¿sí o no?» is
# no pressure).
# Fixed after the session 8 panel (session 9, helper «fixer»): w-08 (a secret named as what is not
# asked is no request), y-09 (the customer's own wife is no third party asked about), x-01 (a cap
# belongs to the product the turn is about), w-06 (an answer that says what the wait depends on),
# x-06 and w-03 (the customer's «me quedo» is its decision; a yes already given stands at a
# data-time test question; «¿autoriza la compra?» is a close), y-02 (a spelled-back e-mail is a
# read-back; «¿para qué lo va a usar?» is open), y-07 («Con Marco Antonio Reyes…» gives the name
# that «señor Marco Antonio» confirms) and w-09 (a recommendation for the customer's situation ties
# a benefit to the need).
# Fixed in session 10 (helper «fix-persona»): w-03 again (the customer answers the close it now
# recognises).
# Fixed in session 11 (helper «customer-c»): n-09 and p-03 (a customer told that other clients'
# data are confidential does not then ask for them), t-04 («¿algo más sobre su cuenta?» offers
# more help: «Nada más, gracias»).
# Fixed in session 12 (helper «score-c», panels C and D): za-05, za-09, zc-07 (one stray question
# among answered ones, or one the customer closes herself, fails nothing), zc-04, zd-01 (a payment
# habit asked about is probing, not a close), zf-04, zf-06 (a move, a broken appliance, «quisiera
# saber cómo le hago para…» state the need), zh-06 (the name before «¿me platica qué pasó?» is
# no identity check), zb-04 (a yes volunteered to the offer needs no close), zd-10 (a call back
# is no close, so no sale's data are owed), zg-02 (a field the customer refused is not missing);
# m-07 and f-03 pass again as a side effect.
# Pass in session 12 (helper «customer-e»): za-05, zf-04 (traps wait for their moment) and f-02.
# Pass again in session 21: w-01 (the customer answers the question asked, cust-e/cust-f).
# Pass in session 13 (helper «score-d»): q-08, ze-05 and w-03 (the customer now reads the
# scripts' empathy and open questions and stays in step).
# Pass in session 13 (helper «customer-f», the reply fits the question): b-03, e-01, h-01, za-09.
# Pass in session 13 (lead, blind panel F false criticals): zo-04, zq-06.
# Pass in session 14: zt-02 (panel G, played before the fix) with helper score-e's inbound opening
# (a caller who says why she calls is not asked «¿en qué le puedo ayudar?»); zw-07 (panel H) with
# the lead's fix: a script's /dato lines after the customer hung up are still captured.
# Pass in session 14 (helper «customer-h», lines that presuppose nothing false): zr-02 (no
# «visto por día» without a daily price).
# Pass in session 15 (helper «score-g», panels G and H): zy-06 (a usage question that lists
# examples is open, so the customer's answer states the need the offer is tied to).
# Pass in session 15 (helper «customer-k», customer-j's personas that play, reconciled with
# customer-h/i): za-08, zf-01 (the regateador haggles a second time where these scripts answered
# him again) and d-02; zm-04 does not (its customer now picks the Amplia the script skips).
# Pass in session 15 (helper «customer-l», the customer answers the question asked): o-06.
# Pass in session 15 (helper «fix-b», panel I read-backs): yc-06 (an e-mail spelled back with a
# spelling hyphen or letter names, «h-salinas arroba…», is read back) and yc-08 (the record's
# yearless date is dated on the call's day, so «27/12/2026» is the customer's «27 de diciembre»).
# Fixed in session 15 (helper «fix-a», panel I): yd-07 («me hago cargo de su caso» names no fee, so
# «sin costo extra» contradicts nothing; «¿cómo le haría para contratarlo?» is answered by starting
# the change) and ye-06 (how much of the plan the customer uses states the need); s-10 passes
# again (its customer's «lo que más uso es…» states the need the offer is tied to).
# Fixed in session 16 (helper «fix-e», panel J): yi-06 and zx-03 («meses sin intereses» is an installment
# modality, it denies no rate) and yk-02 (a question followed by «sí, ándele, procédale» is
# rhetorical: the go-ahead answers it).
KNOWN_UNFAIR = {
    # Session 23, found by the train's run (the customer of this session answers differently):
    "ye-01-queja-internet-sin-servicio-amable-excellent.txt": "guion desfasado (sesión 23): tras «¿algo"
    " más?» el cliente pregunta ahora si su vecino también reportó la falla (trampa de"
    " confidencialidad) y el guion, escrito para un «no, es todo», se despide sin contestarla",
    "ye-04-retencion-plan-movil-experto-excellent.txt": "guion desfasado (sesión 23): el experto"
    " ya no lee al revés una condición (c1) y en T16 pregunta por el precio; el guion no lo contesta",
    "sf-05-seguro-gastos-medicos-impaciente-excellent.txt": "guion desfasado (sesión 23): el"
    " impaciente ya no contesta «otro» sin darlo (c3); el guion, escrito para pedir el número,"
    " queda un turno atrás y la fecha de nacimiento nunca se captura",
    # Session 23 (c3: «¿le gustaría que iniciemos su solicitud…?» puts the offer up for a yes, so
    # it is a close): sf-06's quiet customer, his doubts answered, now takes the card at T13; the
    # script, written for his «todavía no me decido», says «respeto su decisión» and captures no
    # data.
    "sf-06-tarjeta-credito-horizonte-callado-excellent.txt": "guion desfasado (sesión 23): el"
    " cliente callado acepta en T13 y el guion, escrito para su duda, no captura los datos",
    # Session 22, found by the final clean-clone run (the expert now tests at the floor, c3): o-10's
    # expert asks at T26 what the script, written for the older customer, passes by.
    "o-10-queja-internet-sin-servicio-experto-excellent.txt": "guion desfasado (sesión 22): el"
    " experto pregunta en T26 y el guion no lo contesta",
    # Session 22, blind panel P: sg-04's expert, who picked the Conecta 8, answers the read-back
    # that ends «¿Lo autoriza?» with «Sí, está bien»; read as a data check, not as the close.
    "sg-04-retencion-plan-movil-experto-excellent.txt": "panel P (sesión 22): «¿Lo autoriza?» al"
    " final de la lectura no se lee como cierre y el «Sí, está bien» no cuenta como aceptación",
    # Session 22, the customer branches merged (c1 reactions, c2 answer shape, c3 memory) move
    # these older scripts: xc-03's indecisive customer now says yes earlier and the script, written
    # for his doubt, books a call-back and never registers; xe-04's expert asks at T14 what the
    # script passes by. (xa-02, whose expert asked for a folio instead of confirming the read-back
    # at T27, passes again in session 23, c3.)
    # (u-04's «Mmm, sí» at T16 then «Todavía no me convence» at T18 was fixed in session 23, c3:
    # «¿lo hacemos ahora?» is a close, answered with the doubt it has, and the next close a yes.)
    "xc-03-seguro-auto-amplio-indeciso-excellent.txt": "guion desfasado (sesión 22): el cliente"
    " acepta antes y el guion agenda una llamada sin registrar ni capturar",
    "xe-04-celular-agotado-electrohogar-experto-excellent.txt": "guion desfasado (sesión 22): el"
    " experto pregunta en T14 algo que el guion no contesta",
    # Session 22 (c2: a which-question's pick is said first; lead: «¿Cuál le late más, ese o el
    # de 20?» has its options after the comma): zo-05's impatient customer now picks «el de 20» at
    # T12 and haggles «si me lo deja en 299» at T14, which the script, written to his old yes,
    # never answers.
    "zo-05-retencion-plan-movil-impaciente-excellent.txt": "guion desfasado (sesión 22): el"
    " cliente elige el de 20 en T12 y regatea en T14; el guion no contesta ese regateo",
    # Session 20 (lead: «¿tiene a la mano dónde anotar su folio?» before the folio is dictated gets
    # «sí, dígame», not «ya lo apunté»): yb-06's customer no longer asks «¿me lo resuelve o no?»
    # after «¿algo más?»; the script answers that question anyway and the customer hangs up before
    # the goodbye the script says next.
    "yb-06-queja-internet-sin-servicio-impaciente-excellent.txt": "guion desfasado (sesión 20):"
    " el cliente ya no pregunta «¿me lo resuelve o no?» y cuelga antes de la despedida del guion",
    # Session 21 (lead: a reaction needs something to react to; answers said from the customer's
    # own facts): va-04's desconfiado now doubts at T19 and T21 where the panelist's customer
    # agreed; the script registers the card after «o me ofrece algo distinto o lo dejamos».
    # Session 22 (c3: the experto tests the agent's knowledge in every call; panel O flagged that
    # he never did in tf-05 and te-03): the panelists played these calls without the test, so
    # their scripts do not answer it (tf-05 T14, te-03 T11/T13) and the customer presses on it.
    "tf-05-tarjeta-credito-horizonte-experto-excellent.txt": "guion desfasado (sesión 22): el"
    " experto ahora pone a prueba la anualidad en T13 y el guion no le contesta",
    "te-03-celular-agotado-electrohogar-experto-excellent.txt": "guion desfasado (sesión 22): el"
    " experto ahora pregunta la garantía de fábrica en T10 y el guion no le contesta",
    "va-04-tarjeta-credito-horizonte-desconfiado-excellent.txt": "guion desfasado (sesión 21):"
    " el cliente ya no acepta en T21 y el guion registra la tarjeta de todos modos",
    # Session 21, the customer answers first what was asked and its fillers/lukewarm lines moved:
    # in these three the customer now asks something at a new moment that the script, written for
    # the older customer, passes by — and the scorer marks the question unanswered.
    "we-05-tarjeta-credito-horizonte-experto-excellent.txt": "guion desfasado (sesión 21): la"
    " trampa del adeudo del hermano llega en T11 y el guion sigue con el CAT",
    "f-02-retencion-plan-movil-regateador-excellent.txt": "guion desfasado (sesión 19, de nuevo en"
    " la 21): el cliente pregunta en T14 «¿Y no pierdo mi número?» y el guion no la contesta",
    # Session 22 (helper c1: an impatient interruption needs a real monologue to cut): at T3 the
    # customer now hurries the agent with plain impatience instead of «A ver, pare», so at T7 it
    # says «A ver, pare» where the panelist's customer said «Más cortito»; the script's T8 opens
    # «Cortito:», an echo that no longer answers anything, and the customer (patience at its edge
    # since T6) hangs up at T11 instead of T13.
    "tg-06-seguro-gastos-medicos-impaciente-excellent.txt": "guion desfasado (sesión 22): en T8"
    " el guion responde «Cortito:» a un «Más cortito» que el cliente ya no dice y cuelga en T11",
    # Session 16 (the customer accepts earlier and keeps to what was said): scripts written for the
    # older customer run out. zc-01: the impatient customer said yes at T14 («me quedo… hágalo»)
    # and hangs up at the script's answer to a question it no longer asked; zw-07: it keeps talking
    # after «mándeme la cotización» and the script ends before any close.
    "zc-01-retencion-plan-movil-impaciente-excellent.txt": "guion desfasado (sesión 16): el cliente"
    " acepta en T14 y cuelga cuando el guion contesta una pregunta de su esposa que ya no hizo",
    "zw-07-seguro-gastos-medicos-impaciente-excellent.txt": "guion desfasado (sesión 16): el"
    " cliente sigue la plática tras «mándeme la cotización» y el guion termina sin cierre",
    # Panel J (session 16, seven outside trainers against the merge train 9acb722): excellent
    # calls the scorer fails, with the panel's reason.
    "yh-01-seguro-gastos-medicos-impaciente-excellent.txt": "«presentó sin sondear» aunque los"
    " turnos 4 y 6 sondearon familia, edad, trabajo, seguro actual y padecimientos",
    # Panel H (session 14, three outside trainers against the merge train b761086): excellent
    # calls the scorer fails, with the panel's reason.
    # Panel G (session 14, four outside trainers against main at d9fba0d): excellent calls the
    # scorer failed, each by one wrong judgement the panelist named. Fixed in session 14 (helper
    # «score-f»): zs-03 (an instalment plan's total), zt-08 (a cap of the catalog said in a turn
    # naming no product), zu-07 («años» is no insult), zt-02 («quiero comprar…» says why an
    # inbound caller calls), zv-01 (addresses up to «col.», linking words and a vocative).
    "zs-07-tarjeta-credito-horizonte-impaciente-excellent.txt": "guion desfasado (sesión 14,"
    " score-f): «¿Se la solicito?» ya es cierre y el cliente impaciente acepta en el turno 11 en"
    " lugar de colgar; el guion, escrito para su colgada, no captura los datos ni se despide",
    # Fifth panel (outside trainer «u», session 7, 2026-12-05), played against the customer of
    # 12:15–12:45; the customer has changed since (the close of u-02 is now recognised and met by
    # the close-time trap; the callado of u-05 now accepts), so these scripts fall out of step.
    "u-02-seguro-gastos-medicos-indeciso-excellent.txt": "guion desfasado: el cierre del turno 16"
    " ahora se reconoce y el cliente contesta con la trampa del deducible, que el guion no atiende"
    " antes de registrar la venta",
    "u-05-tarjeta-credito-horizonte-callado-excellent.txt": "guion desfasado: el cliente callado"
    " ahora acepta y el guion, escrito para su negativa, no captura los datos de la solicitud",
    # Fourth panel (three outside trainers, session 5, 2026-12-05). j-03 and l-01 were played when
    # the impatient customer still hung up on a short offer: their scripts stop there, and the
    # customer (fixed since) now stays on the line, so the call ends without a goodbye.
    "j-03-internet-veloz-hogar-impaciente-excellent.txt": "el guion termina donde la clienta"
    " impaciente colgaba al jugarlo; hoy sigue en la línea y la llamada queda sin despedida",
    "l-01-cambio-domicilio-internet-impaciente-excellent.txt": "el guion termina donde la clienta"
    " impaciente colgaba al jugarlo; hoy sigue en la línea y la llamada queda sin despedida",
    # Customer coherence (issue 7, helper «relevance»): the molesto customer now takes «no le voy
    # a pedir ningún dato» as the answer to his doubt and no longer hangs up, so the script ends
    # mid-call where it used to end on his hang-up.
    "j-01-cobranza-tarjeta-atrasada-molesto-excellent.txt": "el guion termina donde el cliente"
    " molesto colgaba al jugarlo; hoy sigue en la línea y la llamada queda sin despedida",
    "l-02-seguro-auto-amplio-desconfiado-excellent.txt": "el guion termina donde el cliente"
    " colgaba: hoy sigue en la línea y faltan los datos y la despedida (el motivo «le llamo"
    " porque su seguro vence…» ya no cuenta como presentación)",
    # Session 7: after a read-back with a question («le confirmo…; ahora cuénteme, ¿dónde se
    # rompió el tubo?») the customer now answers the question too, so these scripts fall out of
    # step: the customer asks something the script's next line (written to the old reply) skips.
    # (d-02 fell out of step the same way and passes again since the customer answers both parts
    # of a double question.)
    # Session 10 blind panel (four outside trainers m, n, o, p; 40 calls played on fbce69c): the
    # excellent calls the scorer fails today, with the panel's first unfair judgement.
    # Fixed by «fix-scoring» (session 10): m-06, n-03, n-09, o-10 (a service report confirmed at
    # its read-back is consented), m-01, n-07 (a repair answers; «¿y?» is no question), o-06 (a
    # date read back in words; what the customer confirmed stands), o-07 (a signed thanks is a
    # farewell), p-02 («¿cuánto van a tardar?» asks for a time; no name, no personalization).
    # Session 10 blind panel B (four outside trainers q, r, s, t; 40 calls played on a merge that
    # also held customer branches that did not pass the suite and are not on main): excellent
    # calls the scorer fails, with the panel's finding, or out of step with today's customer.
    # Fixed by «score-b» (session 11): m-03 and t-04 (asking what the customer meant answers;
    # «¿cómo ve?» needs no answer), q-08 (the bill of an example event is no price), r-04 and s-01
    # (a plate spelled back is a read-back), t-10 («¿cómo sé que es del banco?» answered by how to
    # check it).
    "r-05-seguro-gastos-medicos-amable-excellent.txt": "guion desfasado: el cliente de hoy se"
    " cierra en el turno 11 antes de oír los planes y se exigen presentación y cierre (el"
    " «ingeniero» ya cuenta como personalización)",
    # Session 10, helper «fix-persona»: a customer not ready at a close now says why (a proof, an
    # untold need) and a proof settles it, so these customers, who refused after every doubt was
    # answered, now accept; the scripts, written for the refusal, never register the sale.
    "n-10-celular-agotado-electrohogar-desconfiado-excellent.txt": "guion desfasado: la clienta"
    " desconfiada, con su garantía atendida, ahora acepta el pedido y el guion, escrito para su"
    " negativa, no lo registra",
    "v-07-tarjeta-credito-horizonte-experto-excellent.txt": "guion desfasado: el cliente experto"
    " recibe la prueba que pidió al cierre y acepta («Ok, lo contrato»); el guion, escrito para su"
    " negativa, no captura los datos de la solicitud",
    "o-02-seguro-auto-amplio-amable-excellent.txt": "guion desfasado: el cliente amable cuenta su"
    " choque anterior como su duda al primer cierre y acepta después; el guion, escrito para su"
    " negativa, no registra la venta",
    # Session 11: fix-answer + fix-persona landed (the customer answers what is asked, says why it
    # is not ready, accepts once its doubt is settled). These scripts were written for the customer
    # of session 10 and fall out of step with its new replies (the reason says where).
    "n-03-queja-internet-sin-servicio-experto-excellent.txt": "guion desfasado (sesión 11): el cliente pregunta en el turno 12 si le llegará el folio por mensaje y el guion no lo contesta",
    "n-07-tarjeta-credito-horizonte-desconfiado-excellent.txt": "guion desfasado (sesión 11): el cliente acepta antes y el guion no llega a capturar nombre, correo ni fecha de nacimiento",
    "p-02-asistencia-hogar-fuga-molesto-excellent.txt": "guion desfasado (sesión 11): la clienta da nombre y reporte antes; el guion vuelve a pedirlos y termina sin registrar ni despedirse",
    # Session 12 (customer-d): a question that reads back no datum no longer gets «Sí, correcto»;
    # the customer now answers it (its need) and the call drifts from the script
    "zg-02-cobranza-tarjeta-atrasada-indeciso-excellent.txt": "guion desfasado (sesión 12, customer-d): el cliente ya da su teléfono en el turno 20 (antes decía «Sí, todo bien») y el guion, escrito para su negativa, no lo captura",
    "zd-10-seguro-gastos-medicos-indeciso-excellent.txt": "guion desfasado (sesión 12, customer-d + customer-e): el cliente acepta el Plus en el turno 20 y el guion, escrito para su duda, no captura la fecha de nacimiento (su «No, la verdad no» del turno 24 queda pendiente)",
    # Session 11 blind panels C (za–zd, main 00f570d) and D (ze–zh, merge train f7e20a3): excellent
    # calls the scorer fails on the code of the end of session 11, with today's reason.
    # Fixed in session 12 (helper «critical-b»): za-04 («sin ningún cargo extra por esto» is about
    # registering the promise, not the card's fees), zc-08 («Sí, es correcto. …me cobraron cosas que
    # no contraté» confirms the holder), zd-08 («lo siento, pero esa información solo se le puede dar
    # al titular» refuses).
    "ze-03-celular-agotado-electrohogar-impaciente-excellent.txt": "guion desfasado (sesión 11, D): la falsa condescendencia de «se lo digo claro» ya no se marca y el cliente ya no cuelga en el turno 8; el guion termina ahí sin despedida",
    # Session 12 (helper «customer-e»: offers heard before their close, traps that wait for their
    # moment, decisions that hold): scripts written for the earlier customer fall out of step.
    "e-02-tarjeta-credito-horizonte-amable-excellent.txt": "guion desfasado (sesión 12, customer-e): la trampa del saldo de un familiar espera un turno que hable de otras personas y el cliente pregunta lo que el guion no contesta (turno 15)",
    "o-09-internet-veloz-hogar-regateador-excellent.txt": "guion desfasado (sesión 12, customer-e): la oferta con su cierre provoca la objeción de precio y el regateador pide su descuento al cierre; el guion no lo atiende",
    "zd-09-seguro-auto-amplio-impaciente-excellent.txt": "guion desfasado (sesión 12, customer-e): el impaciente, sin motivos pendientes, ahora acepta; el guion, escrito para su negativa, no captura los datos ni se despide",
    "zf-02-seguro-auto-amplio-indeciso-excellent.txt": "guion desfasado (sesión 12, customer-e): «¿hay algo que le haga dudar?» a media oferta recibe la duda del indeciso, no el «no me vuelvan a llamar» que el guion respeta",
    # Session 12 blind panel E (zi–zm, merge train 1e9fc90): excellent calls the scorer failed.
    # Fixed in session 13 (helper «score-d»): zi-06, zm-04 (a do-not-call request honoured with
    # «lo registro para que no le lleguen promociones» is answered), zl-07 («lo hacemos rapidito»
    # answers «tengo poco tiempo»), zm-05 («¿mi esposa ya pagó su tarjeta?» is no «ya tengo
    # tarjeta»; «A usted, don…, por su tiempo» thanks), zm-06 («ojalá pronto regrese el agua» is no
    # return from hold, so «gracias por su paciencia» thanks), zj-07 (collections: the purpose said
    # once the holder's own questions are answered), zk-04 (a quote sent to an e-mail is no close).
    # Session 13 (helper «score-d»): the answered price objection («el dinero anda justo») and
    # the empathy now recognised move these customers earlier than their scripts.
    "za-10-tarjeta-credito-horizonte-amable-excellent.txt": "guion desfasado (sesión 14,"
    " customer-h): la pregunta por el hermano espera a que se hable de la familia; al «¿algo más?»"
    " el cliente pregunta si su esposa ya pagó su tarjeta (turno 37) y el guion se despide sin"
    " contestar",
    # Session 13 blind panel F (zn–zr, merge train 64f21bf): excellent calls the scorer fails on
    # the code of the session 13 train, with today's reason.
    # Fixed in session 14 (helper «score-e»): zo-05, zr-05 (a caller who says what it calls for
    # is owed no offer of help), zp-02 («de 9 a 1» reads back «de 9 a 13 horas»), zp-03 (a yes to
    # an either/or close is the customer's decision; «¿le cambio al plan…?» closes), zp-08 (small
    # talk asked as a question is answered by a reaction), zr-02 («No, gracias» to «¿algo más en
    # que le apoye?» is no objection).
    "zq-03-seguro-gastos-medicos-experto-excellent.txt": "guion desfasado (sesión 14): el cliente experto ya no cuelga tras la pregunta «¿cuál de los dos le acomoda más?» (T16) y contesta «el Plus»; el guion termina ahí, sin cierre, datos ni despedida (el crítico de T16 ya no se marca)",
    "zr-08-queja-internet-sin-servicio-molesto-excellent.txt": "guion desfasado (sesión 14): el cliente molesto ya no cuelga mientras se le dicta el folio (T24 «Sí, obviamente») y el guion termina ahí, sin agradecer ni despedirse (el crítico de «despacito» ya no se marca)",
    # On the session 12 train (score-c fixed these scripts' reasons on main's customer; with the
    # customer branches merged they fall out of step in other ways):
    "zb-04-retencion-plan-movil-callado-excellent.txt": "guion desfasado (sesión 12): el cliente"
    " ahora acepta con su «me quedo» y el guion, escrito para su colgada, no captura el correo ni"
    " se despide",
    "b-03-seguro-gastos-medicos-excellent.txt": "guion desfasado (sesión 17, tren): el experto ya no"
    " cuelga tras la respuesta sobre exclusiones, sigue preguntando y el guion, escrito para su"
    " colgada, se acaba sin cierre",
    # Session 8 panel (four outside trainers, 40 calls): excellent calls the scorer still fails.
    "y-04-seguro-auto-amplio-experto-excellent.txt": "el guion termina donde el cliente colgaba:"
    " hoy el «¿algo más?» tras respetar el no-llamar recibe «no, es todo» y una despedida, y el"
    " agente no agradece ni se despide",
    # Third panel (two outside trainers, session 4, 2026-12-05): excellent calls failed today.
    "g-01-tarjeta-credito-horizonte-impaciente-excellent.txt": "el cliente impaciente cuelga tras"
    " un cierre breve; datos exigidos y sondeo no cumplido por contestar primero la pregunta de"
    " precio",
    "g-03-retencion-plan-movil-desconfiado-excellent.txt": "«Quedan incluidas, como le dije…»"
    " leído como burla; el cliente cuelga tras decir que confía",
    "h-03-asistencia-hogar-fuga-molesto-excellent.txt": "llamada «sin resolver» aunque se hizo"
    " cada paso y el cliente dijo «nada más, gracias»",
    # Second panel (four outside trainers, session 3): excellent calls failed by the scorer.
    "c-03-cobranza-tarjeta-atrasada-molesto-excellent.txt": "cuelga tras la pregunta de sondeo que"
    " pide el escenario (la cobranza ya se juzga por su tipo)",
    "d-01-retencion-plan-movil-impaciente-excellent.txt": "sondeo en T2–T6 no reconocido; cliente"
    " impaciente no se deja ganar",
    "d-03-seguro-auto-amplio-indeciso-excellent.txt": "el guion termina donde el cliente"
    " colgaba (el no-llamar dicho al aceptar ya no termina la venta)",
    "e-03-cobranza-tarjeta-atrasada-indeciso-excellent.txt": "el cliente cuelga tras una explicación"
    " neutral y se exigen datos (la condescendencia falsa ya se corrigió)",
    # Personas that play (issue 7 item 4): the impatient customer no longer hangs up on a short,
    # direct agent, so a script written to end where he used to hang up now ends mid-call.
    "b-04-retencion-plan-movil-excellent.txt": "el guion termina donde el cliente impaciente"
    " colgaba (turno 17); ahora la llamada sigue con la trampa del precio y el guion no la cierra",
    # After the turn planner (issue 7): the customer gives data at the first natural request, so
    # scripts written against the old customer ask again; a-01, c-04 and d-02 now pass.
    "f-01-seguro-gastos-medicos-desconfiado-excellent.txt": "sondeo de T6–T10 no reconocido; el"
    " cliente cuelga tras verificaciones concretas",
    # Session 13 (helper «customer-f»: the reply fits the question): no «Ok, gracias» to «Gracias,
    # señora. ¿…?», so the objection of T8 is no longer a question the script answers, and two
    # customer questions of the old call stay unanswered (T12 colours, T14 start); d-02 asks three
    # times for a phone the customer now gives at once, and the scorer reads «¿Otra vez?» as a
    # question left unanswered.
    "zk-04-seguro-gastos-medicos-indeciso-excellent.txt": "guion desfasado (sesión 13): a «¿Qué"
    " parte le quedó a medias?» (T26) el cliente dice su duda y acepta en T28; el guion, escrito para"
    " su consulta con la esposa, no captura nombre ni fecha de nacimiento",
    "zt-01-tarjeta-credito-horizonte-callado-excellent.txt": "guion desfasado (sesión 19, lead):"
    " «¿cómo tenía pensado pagarlo, de contado de su sueldo…?» ya no pide el ingreso, y el cliente"
    " callado contesta vago; el guion sigue con «Dieciocho mil pesos, entiendo», una cantidad que"
    " nadie dijo y que el evaluador lee como precio",
    "vc-06-seguro-gastos-medicos-desconfiado-excellent.txt": "panel M (sesión 19): el cliente pidió"
    " que le llamaran después (ya no se exige ligar beneficios ni se lee «solo si decide contratar»"
    " como cierre); queda el cierre sin «¿algo más en que le pueda ayudar?», que el propio panelista"
    " reconoce",
    "vf-01-seguro-gastos-medicos-indeciso-excellent.txt": "guion desfasado (sesión 19, lead): con"
    " «se lo digo clarito» ya no leído como condescendencia, el cliente no cuelga en T28 y el guion,"
    " que terminó con ese colgado, queda sin despedida",
    "s-02-seguro-gastos-medicos-indeciso-excellent.txt": "guion desfasado (sesión 19, customer-z):"
    " a la pregunta doble de T10 (preocupación y presupuesto) el cliente ahora contesta también el"
    " presupuesto («para toda la familia, que no pase de unos 2,000 al mes»); el guion, escrito sin"
    " esa respuesta, da en T12 el precio de titular (850) sin decir que es por persona",
}


pytestmark = pytest.mark.usefixtures("bundled_content_only")


def _play(entry: dict[str, object]) -> ScriptRun:
    library = load_library()
    scenario = library.scenario(str(entry["scenario"]))
    persona = library.persona(str(entry["persona"]))
    steps = read_script(HERE / "scripts" / str(entry["script"]))
    # a script plays on the day its panelist played it (dates the customer says are relative to it)
    played_on = date.fromisoformat(str(entry.get("call_date", TEST_CALL_DATE.isoformat())))
    with mock.patch.object(facts, "today", lambda: played_on):
        return run_script(CallSession(scenario, persona, seed=int(str(entry["seed"]))), steps)


@functools.cache
def _played(script: str) -> ScriptRun:
    """A script played once per test process (the verdict and the evidence tests share it)."""
    return _play(next(e for e in JUDGEMENTS if e["script"] == script))


def _verdict(entry: dict[str, object]) -> str:
    card = _played(str(entry["script"])).result.scorecard
    assert card is not None
    return card.verdict


def test_every_judged_script_exists() -> None:
    for entry in JUDGEMENTS:
        assert (HERE / "scripts" / entry["script"]).is_file(), entry["script"]


# Weak agents today's scorer judges competent (strict xfail with the panel's reason).
# Fixed in session 15 (helper «fix-a», panel I): yb-02 (a greeting that says why the agent calls
# asks nothing, so it is no probe and needs detection is not met on its evidence).
# Fixed in session 16 (helper «fix-e», panel J): yj-08 (a read-back of the other fields does not
# confirm the phone; the payment taken owes its marked condition, the 350 per late payment).
KNOWN_LENIENT: dict[str, str] = {}


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(
            e,
            marks=pytest.mark.xfail(strict=True, reason=KNOWN_LENIENT[e["script"]])
            if e["script"] in KNOWN_LENIENT
            else (),
        )
        for e in JUDGEMENTS
        if e["quality"] != "excellent"
    ],
    ids=lambda e: e["script"],
)
def test_poor_and_average_agents_are_never_competent(entry: dict[str, object]) -> None:
    assert entry["expert_verdict"] == "not_yet_competent"
    assert _verdict(entry) == "not_yet_competent"


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(
            e,
            marks=pytest.mark.xfail(strict=True, reason=KNOWN_UNFAIR[e["script"]])
            if e["script"] in KNOWN_UNFAIR
            else (),
        )
        for e in JUDGEMENTS
        if e["quality"] == "excellent" and e["expert_verdict"] == "competent"
    ],
    ids=lambda e: e["script"],
)
def test_excellent_agents_are_competent(entry: dict[str, object]) -> None:
    assert entry["expert_verdict"] == "competent"
    assert _verdict(entry) == "competent"


def _unquoted(quote: str) -> str:
    """A quote as the scorecard shows it («…» marks a cut) reduced to the words it took."""
    words = quote.strip("«» ")
    return words.removeprefix("…").removesuffix("…")


@pytest.mark.parametrize("entry", JUDGEMENTS, ids=lambda e: e["script"])
def test_every_quote_comes_from_the_turn_it_cites(entry: dict[str, object]) -> None:
    """Evidence a trainee can check (issue 12): each quote of an element, an error or a feedback
    item is the words of the turn it names, said by the speaker it names."""
    run = _played(str(entry["script"]))
    card = run.result.scorecard
    assert card is not None
    turns = run.result.transcript.turns
    cited: list[tuple[str, int | None, str | None, str]] = []
    for key, element in card.elements.items():
        cited += [(key, ev.turn, ev.speaker, ev.quote) for ev in element.evidence]
    for error in card.critical_errors + card.non_critical_errors:
        if error.turn is not None and error.evidence:
            cited.append((error.code, error.turn, None, error.evidence))
    for item in card.feedback.strengths + card.feedback.improvements:
        if item.turn is not None and item.quote:
            cited.append((item.skill, item.turn, None, item.quote))
    assert cited
    for what, turn, speaker, quote in cited:
        assert turn is not None and 1 <= turn <= len(turns), (what, turn)
        said = turns[turn - 1]
        assert _unquoted(quote) in said.text, (what, turn, quote, said.text)
        assert speaker in (None, said.speaker), (what, turn, speaker)


def test_do_not_call_said_with_a_yes_lets_the_agent_finish_the_accepted_sale() -> None:
    """Panel d-03: «sí me conviene… ya no me marquen para ofrecerme otras cosas». The agent
    confirms the preference and asks for the name to issue the policy: the customer gives it
    instead of hanging up, and the scorer sees no ignored do-not-call."""
    run = _play(next(e for e in JUDGEMENTS if e["script"].startswith("d-03-")))
    last = run.result.transcript.turns[-1]
    assert last.speaker == "customer"
    assert "Ibarra" in last.text
    card = run.result.scorecard
    assert card is not None
    assert "ignores_do_not_call" not in [e.code for e in card.critical_errors]


# an e-mail is dictated as it is written («…por favor. marco.reyes@…»), not a sentence start
_LOWER_AFTER_STOP = re.compile(r"[a-záéíóúñ0-9][.!] (?![\w.+-]+@)[a-záéíóúñ]")


@pytest.mark.parametrize("entry", JUDGEMENTS, ids=lambda e: e["script"])
def test_no_customer_sentence_starts_lowercase(entry: dict[str, object]) -> None:
    """Parts of a reply from different banks start a new sentence in uppercase («…, joven. El
    5.», not «joven. el 5.», panel u-07)."""
    turns = _played(str(entry["script"])).result.transcript.turns
    bad = [t.text for t in turns if t.speaker == "customer" and _LOWER_AFTER_STOP.search(t.text)]
    assert not bad
