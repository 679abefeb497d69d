// Generated from scenarioSchema (schema.ts) by ajv standalone; do not edit.
// After changing the schema, run `pnpm exec vitest run packages/scenario -u` to regenerate.
// biome-ignore-all format: generated
// biome-ignore-all lint: generated
// biome-ignore-all assist: generated
"use strict";
export const validate = validate10;
export default validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://unpkg.com/@mocktopus/scenario/schema.json","title":"Mocktopus scenario","type":"object","additionalProperties":false,"required":["version","rules"],"properties":{"version":{"const":1,"description":"Schema version; only 1 exists."},"meta":{"type":"object","description":"Free-form information about the scenario."},"pricing":{"type":"object","description":"Per-model prices (USD per 1M tokens), keyed by model id or family.","additionalProperties":{"type":"object","additionalProperties":false,"required":["input"],"properties":{"input":{"type":"number","minimum":0,"description":"USD per 1M input tokens."},"output":{"type":"number","minimum":0,"description":"USD per 1M output tokens."},"cached_input":{"type":"number","minimum":0,"description":"USD per 1M cached input tokens."}}}},"rules":{"type":"array","description":"Rules, tried in order.","items":{"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"type":"string","enum":["llm.openai","llm.anthropic","llm","embeddings"],"description":"Which endpoints the rule answers."},"when":{"type":["object","null"],"description":"Conditions, all of which must hold. Empty or absent: every request the type answers.","additionalProperties":false,"properties":{"model":{"type":"string","description":"Glob over the model id: * any run of characters (also /), ? one, [...] a class."},"messages_contains":{"type":"string","description":"Case-sensitive substring of the last user message (embeddings: of any input)."},"input_contains":{"type":"string","description":"Alias of messages_contains, for embeddings rules."},"messages_regex":{"type":"string","description":"Regular expression over all messages joined by a space (embeddings: any input); flags i, m, s. Python syntax, matched in linear time by RE2: no back-references or lookaround."},"input_regex":{"type":"string","description":"Alias of messages_regex, for embeddings rules."},"endpoint":{"type":"string","description":"Request path, exact or glob, e.g. /v1/chat/completions or /v1/*."},"ignore_case":{"type":"boolean","description":"Makes messages_contains case-insensitive."},"times":{"type":["integer","null"],"minimum":1,"description":"How many times the rule may be selected (null or absent: unlimited)."},"conversation":{"type":"array","description":"The whole conversation, exactly: every message role and text, in order.","items":{"type":"object","additionalProperties":false,"required":["role","content"],"properties":{"role":{"type":"string"},"content":{"type":"string"}}}},"input":{"type":"array","description":"Embeddings: the inputs, exactly and in order.","items":{"type":"string"}}}},"respond":{"type":"object","description":"The successful response.","additionalProperties":false,"properties":{"content":{"type":["string","null"],"description":"The assistant text (null: none)."},"tool_calls":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["function"],"properties":{"id":{"type":"string","description":"Tool call id; generated deterministically when absent."},"type":{"type":"string","enum":["function"]},"function":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","description":"Function name."},"arguments":{"type":["string","object"],"description":"Arguments as a JSON string, or as an object (serialised at load)."}}}}}},"usage":{"type":"object","additionalProperties":false,"properties":{"input_tokens":{"type":"integer","minimum":0,"description":"Prompt tokens reported."},"output_tokens":{"type":"integer","minimum":0,"description":"Completion tokens reported."},"total_tokens":{"type":"integer","minimum":0,"description":"Total tokens reported."}}},"embeddings":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["embedding"],"properties":{"embedding":{"type":"array","items":{"type":"number"}}}}},"finish_reason":{"type":"string","description":"Why generation stopped, e.g. stop, length, tool_calls."},"delay_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Wait before the response starts, 0 to 600000 milliseconds (10 minutes)."},"chunk_size":{"type":"integer","minimum":1,"description":"Characters per stream chunk."},"chunk_delay_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Wait between stream chunks, 0 to 600000 milliseconds (10 minutes)."},"id":{"type":"string","description":"Response id; generated deterministically when absent."},"images":{"description":"Accepted for compatibility; not sent."},"audio_url":{"type":"string","description":"Accepted for compatibility; not sent."},"metadata":{"type":"object","description":"Accepted for compatibility; not sent."},"stream":{"type":"boolean","description":"Accepted for compatibility and ignored: the request decides whether to stream."}}},"error":{"type":"object","description":"An error response in the provider envelope.","additionalProperties":false,"required":["error_type"],"properties":{"error_type":{"type":"string","enum":["rate_limit","authentication","invalid_request","timeout","content_filter","server_error"]},"message":{"type":"string","description":"Error message."},"status_code":{"type":"integer","minimum":400,"maximum":599,"description":"HTTP status."},"code":{"type":"string","description":"Provider error code, e.g. rate_limit_exceeded."},"param":{"type":"string","description":"The request parameter at fault."},"retry_after":{"type":"number","minimum":0,"maximum":86400,"description":"Retry-After header, 0 to 86400 seconds (1 day)."},"delay_ms":{"type":"integer","minimum":0,"maximum":600000,"description":"Wait before the error, 0 to 600000 milliseconds (10 minutes)."}}},"times":{"type":["integer","null"],"minimum":1,"description":"How many times the rule may be selected (null or absent: unlimited)."}},"oneOf":[{"required":["respond"]},{"required":["error"]}]}}}};
const func2 = Object.prototype.hasOwnProperty;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://unpkg.com/@mocktopus/scenario/schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.rules === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rules"},message:"must have required property '"+"rules"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "version") || (key0 === "meta")) || (key0 === "pricing")) || (key0 === "rules"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.version !== undefined){
let data0 = data.version;
if(1 !== data0){
const err3 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema11.properties.version,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.meta !== undefined){
let data1 = data.meta;
if(!(data1 && typeof data1 == "object" && !Array.isArray(data1))){
const err4 = {instancePath:instancePath+"/meta",schemaPath:"#/properties/meta/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.meta.type,parentSchema:schema11.properties.meta,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.pricing !== undefined){
let data2 = data.pricing;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
let data3 = data2[key1];
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.input === undefined){
const err5 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/pricing/additionalProperties/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'",schema:schema11.properties.pricing.additionalProperties.required,parentSchema:schema11.properties.pricing.additionalProperties,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
for(const key2 in data3){
if(!(((key2 === "input") || (key2 === "output")) || (key2 === "cached_input"))){
const err6 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/pricing/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.pricing.additionalProperties,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data3.input !== undefined){
let data4 = data3.input;
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err7 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/input",schemaPath:"#/properties/pricing/additionalProperties/properties/input/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.pricing.additionalProperties.properties.input,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/input",schemaPath:"#/properties/pricing/additionalProperties/properties/input/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.pricing.additionalProperties.properties.input.type,parentSchema:schema11.properties.pricing.additionalProperties.properties.input,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data3.output !== undefined){
let data5 = data3.output;
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err9 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/output",schemaPath:"#/properties/pricing/additionalProperties/properties/output/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.pricing.additionalProperties.properties.output,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/output",schemaPath:"#/properties/pricing/additionalProperties/properties/output/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.pricing.additionalProperties.properties.output.type,parentSchema:schema11.properties.pricing.additionalProperties.properties.output,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data3.cached_input !== undefined){
let data6 = data3.cached_input;
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err11 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/cached_input",schemaPath:"#/properties/pricing/additionalProperties/properties/cached_input/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.pricing.additionalProperties.properties.cached_input,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/cached_input",schemaPath:"#/properties/pricing/additionalProperties/properties/cached_input/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.pricing.additionalProperties.properties.cached_input.type,parentSchema:schema11.properties.pricing.additionalProperties.properties.cached_input,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/pricing/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/pricing/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.pricing.additionalProperties.type,parentSchema:schema11.properties.pricing.additionalProperties,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/pricing",schemaPath:"#/properties/pricing/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.pricing.type,parentSchema:schema11.properties.pricing,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.rules !== undefined){
let data7 = data.rules;
if(Array.isArray(data7)){
const len0 = data7.length;
for(let i0=0; i0<len0; i0++){
let data8 = data7[i0];
const _errs21 = errors;
let valid5 = false;
let passing0 = null;
const _errs22 = errors;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.respond === undefined){
const err15 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/oneOf/0/required",keyword:"required",params:{missingProperty: "respond"},message:"must have required property '"+"respond"+"'",schema:schema11.properties.rules.items.oneOf[0].required,parentSchema:schema11.properties.rules.items.oneOf[0],data:data8};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
var _valid0 = _errs22 === errors;
if(_valid0){
valid5 = true;
passing0 = 0;
}
const _errs23 = errors;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.error === undefined){
const err16 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/oneOf/1/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'",schema:schema11.properties.rules.items.oneOf[1].required,parentSchema:schema11.properties.rules.items.oneOf[1],data:data8};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
var _valid0 = _errs23 === errors;
if(_valid0 && valid5){
valid5 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid5 = true;
passing0 = 1;
}
}
if(!valid5){
const err17 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema11.properties.rules.items.oneOf,parentSchema:schema11.properties.rules.items,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
else {
errors = _errs21;
if(vErrors !== null){
if(_errs21){
vErrors.length = _errs21;
}
else {
vErrors = null;
}
}
}
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.type === undefined){
const err18 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.rules.items.required,parentSchema:schema11.properties.rules.items,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
for(const key3 in data8){
if(!(((((key3 === "type") || (key3 === "when")) || (key3 === "respond")) || (key3 === "error")) || (key3 === "times"))){
const err19 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items,data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data8.type !== undefined){
let data9 = data8.type;
if(typeof data9 !== "string"){
const err20 = {instancePath:instancePath+"/rules/" + i0+"/type",schemaPath:"#/properties/rules/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.type.type,parentSchema:schema11.properties.rules.items.properties.type,data:data9};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(!((((data9 === "llm.openai") || (data9 === "llm.anthropic")) || (data9 === "llm")) || (data9 === "embeddings"))){
const err21 = {instancePath:instancePath+"/rules/" + i0+"/type",schemaPath:"#/properties/rules/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.type.enum,parentSchema:schema11.properties.rules.items.properties.type,data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data8.when !== undefined){
let data10 = data8.when;
if((!(data10 && typeof data10 == "object" && !Array.isArray(data10))) && (data10 !== null)){
const err22 = {instancePath:instancePath+"/rules/" + i0+"/when",schemaPath:"#/properties/rules/items/properties/when/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.when.type},message:"must be object,null",schema:schema11.properties.rules.items.properties.when.type,parentSchema:schema11.properties.rules.items.properties.when,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key4 in data10){
if(!(func2.call(schema11.properties.rules.items.properties.when.properties, key4))){
const err23 = {instancePath:instancePath+"/rules/" + i0+"/when",schemaPath:"#/properties/rules/items/properties/when/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.when,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data10.model !== undefined){
let data11 = data10.model;
if(typeof data11 !== "string"){
const err24 = {instancePath:instancePath+"/rules/" + i0+"/when/model",schemaPath:"#/properties/rules/items/properties/when/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.model.type,parentSchema:schema11.properties.rules.items.properties.when.properties.model,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data10.messages_contains !== undefined){
let data12 = data10.messages_contains;
if(typeof data12 !== "string"){
const err25 = {instancePath:instancePath+"/rules/" + i0+"/when/messages_contains",schemaPath:"#/properties/rules/items/properties/when/properties/messages_contains/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.messages_contains.type,parentSchema:schema11.properties.rules.items.properties.when.properties.messages_contains,data:data12};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data10.input_contains !== undefined){
let data13 = data10.input_contains;
if(typeof data13 !== "string"){
const err26 = {instancePath:instancePath+"/rules/" + i0+"/when/input_contains",schemaPath:"#/properties/rules/items/properties/when/properties/input_contains/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.input_contains.type,parentSchema:schema11.properties.rules.items.properties.when.properties.input_contains,data:data13};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data10.messages_regex !== undefined){
let data14 = data10.messages_regex;
if(typeof data14 !== "string"){
const err27 = {instancePath:instancePath+"/rules/" + i0+"/when/messages_regex",schemaPath:"#/properties/rules/items/properties/when/properties/messages_regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.messages_regex.type,parentSchema:schema11.properties.rules.items.properties.when.properties.messages_regex,data:data14};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data10.input_regex !== undefined){
let data15 = data10.input_regex;
if(typeof data15 !== "string"){
const err28 = {instancePath:instancePath+"/rules/" + i0+"/when/input_regex",schemaPath:"#/properties/rules/items/properties/when/properties/input_regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.input_regex.type,parentSchema:schema11.properties.rules.items.properties.when.properties.input_regex,data:data15};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data10.endpoint !== undefined){
let data16 = data10.endpoint;
if(typeof data16 !== "string"){
const err29 = {instancePath:instancePath+"/rules/" + i0+"/when/endpoint",schemaPath:"#/properties/rules/items/properties/when/properties/endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.endpoint.type,parentSchema:schema11.properties.rules.items.properties.when.properties.endpoint,data:data16};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data10.ignore_case !== undefined){
let data17 = data10.ignore_case;
if(typeof data17 !== "boolean"){
const err30 = {instancePath:instancePath+"/rules/" + i0+"/when/ignore_case",schemaPath:"#/properties/rules/items/properties/when/properties/ignore_case/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.items.properties.when.properties.ignore_case.type,parentSchema:schema11.properties.rules.items.properties.when.properties.ignore_case,data:data17};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data10.times !== undefined){
let data18 = data10.times;
if((!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))) && (data18 !== null)){
const err31 = {instancePath:instancePath+"/rules/" + i0+"/when/times",schemaPath:"#/properties/rules/items/properties/when/properties/times/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.when.properties.times.type},message:"must be integer,null",schema:schema11.properties.rules.items.properties.when.properties.times.type,parentSchema:schema11.properties.rules.items.properties.when.properties.times,data:data18};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 < 1 || isNaN(data18)){
const err32 = {instancePath:instancePath+"/rules/" + i0+"/when/times",schemaPath:"#/properties/rules/items/properties/when/properties/times/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.when.properties.times,data:data18};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
if(data10.conversation !== undefined){
let data19 = data10.conversation;
if(Array.isArray(data19)){
const len1 = data19.length;
for(let i1=0; i1<len1; i1++){
let data20 = data19[i1];
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
if(data20.role === undefined){
const err33 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1,schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.required,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items,data:data20};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data20.content === undefined){
const err34 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1,schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.required,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items,data:data20};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
for(const key5 in data20){
if(!((key5 === "role") || (key5 === "content"))){
const err35 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1,schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items,data:data20};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data20.role !== undefined){
let data21 = data20.role;
if(typeof data21 !== "string"){
const err36 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1+"/role",schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.properties.role.type,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items.properties.role,data:data21};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data20.content !== undefined){
let data22 = data20.content;
if(typeof data22 !== "string"){
const err37 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1+"/content",schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.properties.content.type,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items.properties.content,data:data22};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation/" + i1,schemaPath:"#/properties/rules/items/properties/when/properties/conversation/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.when.properties.conversation.items.type,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation.items,data:data20};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/rules/" + i0+"/when/conversation",schemaPath:"#/properties/rules/items/properties/when/properties/conversation/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.when.properties.conversation.type,parentSchema:schema11.properties.rules.items.properties.when.properties.conversation,data:data19};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data10.input !== undefined){
let data23 = data10.input;
if(Array.isArray(data23)){
const len2 = data23.length;
for(let i2=0; i2<len2; i2++){
let data24 = data23[i2];
if(typeof data24 !== "string"){
const err40 = {instancePath:instancePath+"/rules/" + i0+"/when/input/" + i2,schemaPath:"#/properties/rules/items/properties/when/properties/input/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.when.properties.input.items.type,parentSchema:schema11.properties.rules.items.properties.when.properties.input.items,data:data24};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath:instancePath+"/rules/" + i0+"/when/input",schemaPath:"#/properties/rules/items/properties/when/properties/input/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.when.properties.input.type,parentSchema:schema11.properties.rules.items.properties.when.properties.input,data:data23};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
}
if(data8.respond !== undefined){
let data25 = data8.respond;
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
for(const key6 in data25){
if(!(func2.call(schema11.properties.rules.items.properties.respond.properties, key6))){
const err42 = {instancePath:instancePath+"/rules/" + i0+"/respond",schemaPath:"#/properties/rules/items/properties/respond/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond,data:data25};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data25.content !== undefined){
let data26 = data25.content;
if((typeof data26 !== "string") && (data26 !== null)){
const err43 = {instancePath:instancePath+"/rules/" + i0+"/respond/content",schemaPath:"#/properties/rules/items/properties/respond/properties/content/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.properties.content.type},message:"must be string,null",schema:schema11.properties.rules.items.properties.respond.properties.content.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.content,data:data26};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data25.tool_calls !== undefined){
let data27 = data25.tool_calls;
if(Array.isArray(data27)){
const len3 = data27.length;
for(let i3=0; i3<len3; i3++){
let data28 = data27[i3];
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.function === undefined){
const err44 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i3,schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/required",keyword:"required",params:{missingProperty: "function"},message:"must have required property '"+"function"+"'",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.required,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items,data:data28};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
for(const key7 in data28){
if(!(((key7 === "id") || (key7 === "type")) || (key7 === "function"))){
const err45 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i3,schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items,data:data28};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data28.id !== undefined){
let data29 = data28.id;
if(typeof data29 !== "string"){
const err46 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i3+"/id",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.id.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.id,data:data29};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data28.type !== undefined){
let data30 = data28.type;
if(typeof data30 !== "string"){
const err47 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i3+"/type",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type,data:data30};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(!(data30 === "function")){
const err48 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i3+"/type",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type.enum,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.type,data:data30};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data28.function !== undefined){
let data31 = data28.function;
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
if(data31.name === undefined){
const err49 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i3+"/function",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.required,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function,data:data31};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
for(const key8 in data31){
if(!((key8 === "name") || (key8 === "arguments"))){
const err50 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i3+"/function",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function,data:data31};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data31.name !== undefined){
let data32 = data31.name;
if(typeof data32 !== "string"){
const err51 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i3+"/function/name",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.name.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.name,data:data32};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data31.arguments !== undefined){
let data33 = data31.arguments;
if((typeof data33 !== "string") && (!(data33 && typeof data33 == "object" && !Array.isArray(data33)))){
const err52 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i3+"/function/arguments",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/properties/arguments/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.arguments.type},message:"must be string,object",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.arguments.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.properties.arguments,data:data33};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i3+"/function",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.properties.function,data:data31};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls/" + i3,schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls.items,data:data28};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
else {
const err55 = {instancePath:instancePath+"/rules/" + i0+"/respond/tool_calls",schemaPath:"#/properties/rules/items/properties/respond/properties/tool_calls/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.properties.tool_calls.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.tool_calls,data:data27};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data25.usage !== undefined){
let data34 = data25.usage;
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
for(const key9 in data34){
if(!(((key9 === "input_tokens") || (key9 === "output_tokens")) || (key9 === "total_tokens"))){
const err56 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage,data:data34};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data34.input_tokens !== undefined){
let data35 = data34.input_tokens;
if(!(((typeof data35 == "number") && (!(data35 % 1) && !isNaN(data35))) && (isFinite(data35)))){
const err57 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/input_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/input_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.usage.properties.input_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.input_tokens,data:data35};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if((typeof data35 == "number") && (isFinite(data35))){
if(data35 < 0 || isNaN(data35)){
const err58 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/input_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/input_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.input_tokens,data:data35};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
if(data34.output_tokens !== undefined){
let data36 = data34.output_tokens;
if(!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))){
const err59 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/output_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/output_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.usage.properties.output_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.output_tokens,data:data36};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
if((typeof data36 == "number") && (isFinite(data36))){
if(data36 < 0 || isNaN(data36)){
const err60 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/output_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/output_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.output_tokens,data:data36};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
if(data34.total_tokens !== undefined){
let data37 = data34.total_tokens;
if(!(((typeof data37 == "number") && (!(data37 % 1) && !isNaN(data37))) && (isFinite(data37)))){
const err61 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/total_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/total_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.usage.properties.total_tokens.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.total_tokens,data:data37};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if((typeof data37 == "number") && (isFinite(data37))){
if(data37 < 0 || isNaN(data37)){
const err62 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage/total_tokens",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/properties/total_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage.properties.total_tokens,data:data37};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
}
else {
const err63 = {instancePath:instancePath+"/rules/" + i0+"/respond/usage",schemaPath:"#/properties/rules/items/properties/respond/properties/usage/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.usage.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.usage,data:data34};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data25.embeddings !== undefined){
let data38 = data25.embeddings;
if(Array.isArray(data38)){
const len4 = data38.length;
for(let i4=0; i4<len4; i4++){
let data39 = data38[i4];
if(data39 && typeof data39 == "object" && !Array.isArray(data39)){
if(data39.embedding === undefined){
const err64 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i4,schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/required",keyword:"required",params:{missingProperty: "embedding"},message:"must have required property '"+"embedding"+"'",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.required,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items,data:data39};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
for(const key10 in data39){
if(!(key10 === "embedding")){
const err65 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i4,schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items,data:data39};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data39.embedding !== undefined){
let data40 = data39.embedding;
if(Array.isArray(data40)){
const len5 = data40.length;
for(let i5=0; i5<len5; i5++){
let data41 = data40[i5];
if(!((typeof data41 == "number") && (isFinite(data41)))){
const err66 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i4+"/embedding/" + i5,schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/properties/embedding/items/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.properties.embedding.items.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.properties.embedding.items,data:data41};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
}
else {
const err67 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i4+"/embedding",schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/properties/embedding/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.properties.embedding.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.properties.embedding,data:data40};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
else {
const err68 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings/" + i4,schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.items.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings.items,data:data39};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
else {
const err69 = {instancePath:instancePath+"/rules/" + i0+"/respond/embeddings",schemaPath:"#/properties/rules/items/properties/respond/properties/embeddings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.items.properties.respond.properties.embeddings.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.embeddings,data:data38};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data25.finish_reason !== undefined){
let data42 = data25.finish_reason;
if(typeof data42 !== "string"){
const err70 = {instancePath:instancePath+"/rules/" + i0+"/respond/finish_reason",schemaPath:"#/properties/rules/items/properties/respond/properties/finish_reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.finish_reason.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.finish_reason,data:data42};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data25.delay_ms !== undefined){
let data43 = data25.delay_ms;
if(!(((typeof data43 == "number") && (!(data43 % 1) && !isNaN(data43))) && (isFinite(data43)))){
const err71 = {instancePath:instancePath+"/rules/" + i0+"/respond/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.delay_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.delay_ms,data:data43};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if((typeof data43 == "number") && (isFinite(data43))){
if(data43 > 600000 || isNaN(data43)){
const err72 = {instancePath:instancePath+"/rules/" + i0+"/respond/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/delay_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.properties.delay_ms,data:data43};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if(data43 < 0 || isNaN(data43)){
const err73 = {instancePath:instancePath+"/rules/" + i0+"/respond/delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.delay_ms,data:data43};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
if(data25.chunk_size !== undefined){
let data44 = data25.chunk_size;
if(!(((typeof data44 == "number") && (!(data44 % 1) && !isNaN(data44))) && (isFinite(data44)))){
const err74 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_size",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.chunk_size.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_size,data:data44};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if((typeof data44 == "number") && (isFinite(data44))){
if(data44 < 1 || isNaN(data44)){
const err75 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_size",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_size,data:data44};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
}
if(data25.chunk_delay_ms !== undefined){
let data45 = data25.chunk_delay_ms;
if(!(((typeof data45 == "number") && (!(data45 % 1) && !isNaN(data45))) && (isFinite(data45)))){
const err76 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.respond.properties.chunk_delay_ms.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delay_ms,data:data45};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
if((typeof data45 == "number") && (isFinite(data45))){
if(data45 > 600000 || isNaN(data45)){
const err77 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delay_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delay_ms,data:data45};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
if(data45 < 0 || isNaN(data45)){
const err78 = {instancePath:instancePath+"/rules/" + i0+"/respond/chunk_delay_ms",schemaPath:"#/properties/rules/items/properties/respond/properties/chunk_delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.respond.properties.chunk_delay_ms,data:data45};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
}
if(data25.id !== undefined){
let data46 = data25.id;
if(typeof data46 !== "string"){
const err79 = {instancePath:instancePath+"/rules/" + i0+"/respond/id",schemaPath:"#/properties/rules/items/properties/respond/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.id.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.id,data:data46};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data25.audio_url !== undefined){
let data47 = data25.audio_url;
if(typeof data47 !== "string"){
const err80 = {instancePath:instancePath+"/rules/" + i0+"/respond/audio_url",schemaPath:"#/properties/rules/items/properties/respond/properties/audio_url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.respond.properties.audio_url.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.audio_url,data:data47};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data25.metadata !== undefined){
let data48 = data25.metadata;
if(!(data48 && typeof data48 == "object" && !Array.isArray(data48))){
const err81 = {instancePath:instancePath+"/rules/" + i0+"/respond/metadata",schemaPath:"#/properties/rules/items/properties/respond/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.properties.metadata.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.metadata,data:data48};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data25.stream !== undefined){
let data49 = data25.stream;
if(typeof data49 !== "boolean"){
const err82 = {instancePath:instancePath+"/rules/" + i0+"/respond/stream",schemaPath:"#/properties/rules/items/properties/respond/properties/stream/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.items.properties.respond.properties.stream.type,parentSchema:schema11.properties.rules.items.properties.respond.properties.stream,data:data49};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
}
else {
const err83 = {instancePath:instancePath+"/rules/" + i0+"/respond",schemaPath:"#/properties/rules/items/properties/respond/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.respond.type,parentSchema:schema11.properties.rules.items.properties.respond,data:data25};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data8.error !== undefined){
let data50 = data8.error;
if(data50 && typeof data50 == "object" && !Array.isArray(data50)){
if(data50.error_type === undefined){
const err84 = {instancePath:instancePath+"/rules/" + i0+"/error",schemaPath:"#/properties/rules/items/properties/error/required",keyword:"required",params:{missingProperty: "error_type"},message:"must have required property '"+"error_type"+"'",schema:schema11.properties.rules.items.properties.error.required,parentSchema:schema11.properties.rules.items.properties.error,data:data50};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
for(const key11 in data50){
if(!(((((((key11 === "error_type") || (key11 === "message")) || (key11 === "status_code")) || (key11 === "code")) || (key11 === "param")) || (key11 === "retry_after")) || (key11 === "delay_ms"))){
const err85 = {instancePath:instancePath+"/rules/" + i0+"/error",schemaPath:"#/properties/rules/items/properties/error/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.error,data:data50};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
if(data50.error_type !== undefined){
let data51 = data50.error_type;
if(typeof data51 !== "string"){
const err86 = {instancePath:instancePath+"/rules/" + i0+"/error/error_type",schemaPath:"#/properties/rules/items/properties/error/properties/error_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.error.properties.error_type.type,parentSchema:schema11.properties.rules.items.properties.error.properties.error_type,data:data51};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
if(!((((((data51 === "rate_limit") || (data51 === "authentication")) || (data51 === "invalid_request")) || (data51 === "timeout")) || (data51 === "content_filter")) || (data51 === "server_error"))){
const err87 = {instancePath:instancePath+"/rules/" + i0+"/error/error_type",schemaPath:"#/properties/rules/items/properties/error/properties/error_type/enum",keyword:"enum",params:{allowedValues: schema11.properties.rules.items.properties.error.properties.error_type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.rules.items.properties.error.properties.error_type.enum,parentSchema:schema11.properties.rules.items.properties.error.properties.error_type,data:data51};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data50.message !== undefined){
let data52 = data50.message;
if(typeof data52 !== "string"){
const err88 = {instancePath:instancePath+"/rules/" + i0+"/error/message",schemaPath:"#/properties/rules/items/properties/error/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.error.properties.message.type,parentSchema:schema11.properties.rules.items.properties.error.properties.message,data:data52};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data50.status_code !== undefined){
let data53 = data50.status_code;
if(!(((typeof data53 == "number") && (!(data53 % 1) && !isNaN(data53))) && (isFinite(data53)))){
const err89 = {instancePath:instancePath+"/rules/" + i0+"/error/status_code",schemaPath:"#/properties/rules/items/properties/error/properties/status_code/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.error.properties.status_code.type,parentSchema:schema11.properties.rules.items.properties.error.properties.status_code,data:data53};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
if((typeof data53 == "number") && (isFinite(data53))){
if(data53 > 599 || isNaN(data53)){
const err90 = {instancePath:instancePath+"/rules/" + i0+"/error/status_code",schemaPath:"#/properties/rules/items/properties/error/properties/status_code/maximum",keyword:"maximum",params:{comparison: "<=", limit: 599},message:"must be <= 599",schema:599,parentSchema:schema11.properties.rules.items.properties.error.properties.status_code,data:data53};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(data53 < 400 || isNaN(data53)){
const err91 = {instancePath:instancePath+"/rules/" + i0+"/error/status_code",schemaPath:"#/properties/rules/items/properties/error/properties/status_code/minimum",keyword:"minimum",params:{comparison: ">=", limit: 400},message:"must be >= 400",schema:400,parentSchema:schema11.properties.rules.items.properties.error.properties.status_code,data:data53};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
}
if(data50.code !== undefined){
let data54 = data50.code;
if(typeof data54 !== "string"){
const err92 = {instancePath:instancePath+"/rules/" + i0+"/error/code",schemaPath:"#/properties/rules/items/properties/error/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.error.properties.code.type,parentSchema:schema11.properties.rules.items.properties.error.properties.code,data:data54};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data50.param !== undefined){
let data55 = data50.param;
if(typeof data55 !== "string"){
const err93 = {instancePath:instancePath+"/rules/" + i0+"/error/param",schemaPath:"#/properties/rules/items/properties/error/properties/param/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.error.properties.param.type,parentSchema:schema11.properties.rules.items.properties.error.properties.param,data:data55};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data50.retry_after !== undefined){
let data56 = data50.retry_after;
if((typeof data56 == "number") && (isFinite(data56))){
if(data56 > 86400 || isNaN(data56)){
const err94 = {instancePath:instancePath+"/rules/" + i0+"/error/retry_after",schemaPath:"#/properties/rules/items/properties/error/properties/retry_after/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400",schema:86400,parentSchema:schema11.properties.rules.items.properties.error.properties.retry_after,data:data56};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
if(data56 < 0 || isNaN(data56)){
const err95 = {instancePath:instancePath+"/rules/" + i0+"/error/retry_after",schemaPath:"#/properties/rules/items/properties/error/properties/retry_after/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.error.properties.retry_after,data:data56};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
else {
const err96 = {instancePath:instancePath+"/rules/" + i0+"/error/retry_after",schemaPath:"#/properties/rules/items/properties/error/properties/retry_after/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.rules.items.properties.error.properties.retry_after.type,parentSchema:schema11.properties.rules.items.properties.error.properties.retry_after,data:data56};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data50.delay_ms !== undefined){
let data57 = data50.delay_ms;
if(!(((typeof data57 == "number") && (!(data57 % 1) && !isNaN(data57))) && (isFinite(data57)))){
const err97 = {instancePath:instancePath+"/rules/" + i0+"/error/delay_ms",schemaPath:"#/properties/rules/items/properties/error/properties/delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties.error.properties.delay_ms.type,parentSchema:schema11.properties.rules.items.properties.error.properties.delay_ms,data:data57};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
if((typeof data57 == "number") && (isFinite(data57))){
if(data57 > 600000 || isNaN(data57)){
const err98 = {instancePath:instancePath+"/rules/" + i0+"/error/delay_ms",schemaPath:"#/properties/rules/items/properties/error/properties/delay_ms/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema11.properties.rules.items.properties.error.properties.delay_ms,data:data57};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
if(data57 < 0 || isNaN(data57)){
const err99 = {instancePath:instancePath+"/rules/" + i0+"/error/delay_ms",schemaPath:"#/properties/rules/items/properties/error/properties/delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rules.items.properties.error.properties.delay_ms,data:data57};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
}
}
else {
const err100 = {instancePath:instancePath+"/rules/" + i0+"/error",schemaPath:"#/properties/rules/items/properties/error/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.error.type,parentSchema:schema11.properties.rules.items.properties.error,data:data50};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data8.times !== undefined){
let data58 = data8.times;
if((!(((typeof data58 == "number") && (!(data58 % 1) && !isNaN(data58))) && (isFinite(data58)))) && (data58 !== null)){
const err101 = {instancePath:instancePath+"/rules/" + i0+"/times",schemaPath:"#/properties/rules/items/properties/times/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.times.type},message:"must be integer,null",schema:schema11.properties.rules.items.properties.times.type,parentSchema:schema11.properties.rules.items.properties.times,data:data58};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
if((typeof data58 == "number") && (isFinite(data58))){
if(data58 < 1 || isNaN(data58)){
const err102 = {instancePath:instancePath+"/rules/" + i0+"/times",schemaPath:"#/properties/rules/items/properties/times/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rules.items.properties.times,data:data58};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
}
}
else {
const err103 = {instancePath:instancePath+"/rules/" + i0,schemaPath:"#/properties/rules/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.type,parentSchema:schema11.properties.rules.items,data:data8};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
}
else {
const err104 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.type,parentSchema:schema11.properties.rules,data:data7};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
}
else {
const err105 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

